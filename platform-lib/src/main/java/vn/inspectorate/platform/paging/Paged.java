package vn.inspectorate.platform.paging;

/**
 * A page of a list, answered with {@code Link} headers by {@link PageLinks}: {@code rel="first"} always,
 * {@code rel="next"} while more follow. Implemented by {@link Page} and by the few list bodies that keep an older shape.
 */
public interface Paged {

    /** The {@code after} token of the next page; null on the last page. Not a bean getter, so never serialized. */
    String nextAfter();
}
