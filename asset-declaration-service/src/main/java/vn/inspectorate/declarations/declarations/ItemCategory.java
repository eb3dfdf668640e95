package vn.inspectorate.declarations.declarations;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
/** What an item is; the category fixes the section it belongs to. */
@Schema(name = "DeclarationItemCategory")
public enum ItemCategory {
    LAND(Section.REAL_ESTATE), HOUSE(Section.REAL_ESTATE),
    VEHICLE(Section.VEHICLES),
    GOLD(Section.MOVABLE), GEMS(Section.MOVABLE), CASH(Section.MOVABLE), DEPOSIT(Section.MOVABLE),
    SECURITIES(Section.MOVABLE), OTHER_MOVABLE(Section.MOVABLE),
    FOREIGN_ASSET(Section.FOREIGN), FOREIGN_ACCOUNT(Section.FOREIGN),
    SALARY(Section.INCOME), BUSINESS_INCOME(Section.INCOME), GIFT(Section.INCOME), INHERITANCE(Section.INCOME),
    OTHER_INCOME(Section.INCOME),
    LOAN(Section.LIABILITIES), OTHER_LIABILITY(Section.LIABILITIES);

    private final Section section;

    ItemCategory(Section section) {
        this.section = section;
    }

    public Section section() {
        return section;
    }

    /** Money and near-money: what the "monetary assets above income" rule counts. */
    public boolean isMonetary() {
        return this == CASH || this == DEPOSIT || this == SECURITIES || this == GOLD || this == GEMS;
    }
}
