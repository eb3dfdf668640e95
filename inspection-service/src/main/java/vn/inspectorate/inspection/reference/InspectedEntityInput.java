package vn.inspectorate.inspection.reference;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The inspected entity as a request mentions it; it is created or updated from this. */
public record InspectedEntityInput(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*", message = "{inspectorate.constraint.registry-code}")
        String code,
        @NotNull EntityKind kind,
        @NotBlank @Size(max = 300) String name,
        @NotBlank @Pattern(regexp = PROVINCE_CODE, message = "{inspectorate.constraint.province-code-iso}")
        String provinceCode) {

    /** An ISO 3166-2:VN province code, e.g. VN-HN. */
    public static final String PROVINCE_CODE = "VN-[A-Z0-9]{2,3}";
}
