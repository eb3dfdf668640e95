package vn.inspectorate.declarations.declarations;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
/** The sections of a declaration form (Decree 130/2020, annex I). */
@Schema(name = "DeclarationSection")
public enum Section {
    REAL_ESTATE(true), VEHICLES(true), MOVABLE(true), FOREIGN(true), INCOME(false), LIABILITIES(false);

    private final boolean asset;

    Section(boolean asset) {
        this.asset = asset;
    }

    public boolean isAsset() {
        return asset;
    }
}
