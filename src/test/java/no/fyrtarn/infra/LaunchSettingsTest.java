package no.fyrtarn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The environment variable the launcher reads for a setting, on whatever language the machine is set to. */
class LaunchSettingsTest {

    @Test
    void a_settings_environment_variable_is_named_alike_on_a_turkish_machine() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR")); // where "i" upper-cases to "İ"
            // the launcher read QUARKUS_PROF_LE, FYRTARN_DATA_D_R and MP_JWT_VER_FY_PUBL_CKEY_LOCAT_ON
            assertThat(LaunchSettings.environmentName("quarkus.profile")).isEqualTo("QUARKUS_PROFILE");
            assertThat(LaunchSettings.environmentName("fyrtarn.data-dir")).isEqualTo("FYRTARN_DATA_DIR");
            assertThat(LaunchSettings.environmentName("mp.jwt.verify.publickey.location"))
                    .isEqualTo("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        } finally {
            Locale.setDefault(before);
        }
    }
}
