package vn.inspectorate.declarations.redflags;

/**
 * The numbers of one declaration that red-flag rules look at, all whole VND or counts.
 *
 * @param assetIncreaseVnd total assets minus the previous declaration's (0 without a previous one)
 * @param explanationThresholdVnd the increase that needs an explanation, in force on the declaration date
 */
public record DeclarationFigures(
        long assetsVnd,
        long incomeVnd,
        long liabilitiesVnd,
        long monetaryVnd,
        long cashVnd,
        long giftsVnd,
        long foreignItems,
        long itemsWithoutValue,
        long houses,
        long landPlots,
        long familyHeldAssetsVnd,
        long daysLate,
        boolean hasPrevious,
        long assetIncreaseVnd,
        long explanationThresholdVnd,
        boolean explained) {
}
