package no.fyrtarn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class LocalKeysTest {

    private static byte[] der(Path pem) throws Exception {
        return Base64.getMimeDecoder().decode(Files.readString(pem).replaceAll("-----[A-Z ]+-----", ""));
    }

    @Test
    void a_pair_is_generated_once_private_to_its_owner_and_reused_on_the_next_start() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "keys-").resolve("keys");
        LocalKeys first = LocalKeys.inDirectory(dir);
        String privatePem = Files.readString(first.privateKey());

        LocalKeys second = LocalKeys.inDirectory(dir);
        assertThat(Files.readString(second.privateKey())).isEqualTo(privatePem);
        assertThat(Files.getPosixFilePermissions(first.privateKey()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        var rsa = KeyFactory.getInstance("RSA");
        var signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(rsa.generatePrivate(new PKCS8EncodedKeySpec(der(first.privateKey()))));
        signer.update("fyrtårn".getBytes());
        byte[] signature = signer.sign();
        var verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(rsa.generatePublic(new X509EncodedKeySpec(der(first.publicKey()))));
        verifier.update("fyrtårn".getBytes());
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(first.config()).containsKeys("smallrye.jwt.sign.key.location", "mp.jwt.verify.publickey.location");
    }
}
