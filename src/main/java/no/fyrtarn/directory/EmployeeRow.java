package no.fyrtarn.directory;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import no.fyrtarn.infra.Spaces;

/**
 * One employee in a directory import (JSON array element or CSV line). The e-mails and the language are checked for
 * their format without the spaces around them, which an export or a hand-edited file leaves in (" kari@example.com",
 * no-break ones included).
 */
public record EmployeeRow(
        @Schema(example = "kari.nordmann@example.com") @NotBlank @Email @Size(max = Employee.EMAIL_MAX) String email,
        @Schema(example = "Kari Nordmann") @NotBlank @Size(max = Employee.NAME_MAX) String name,
        @Schema(example = "Sales") @Size(max = 100) String team,
        @Schema(example = "lead.sales@example.com") @Email @Size(max = Employee.EMAIL_MAX) String managerEmail,
        @Schema(example = "Oslo") @Size(max = 100) String location,
        @Schema(example = "nb") @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as nb, sv or en-GB") String language,
        @Schema(description = "In any case (\"Marketing\" is marketing); stored in lower case",
                example = "[\"employee\", \"marketing\"]")
        @Size(max = 4) List<@Pattern(regexp = "\\s*(employee|leader|marketing|admin)\\s*",
                flags = Pattern.Flag.CASE_INSENSITIVE, message = "must be one of employee, leader, marketing, admin")
                String> roles) {

    public EmployeeRow {
        email = trimmed(email);
        managerEmail = trimmed(managerEmail);
        language = trimmed(language);
    }

    /**
     * Without the spaces around it, a no-break space pasted from a web page into a spreadsheet too (one inside, which
     * an e-mail or a language tag cannot have, stays for the check to refuse).
     */
    private static String trimmed(String text) {
        return Spaces.collapsed(text);
    }
}
