package vn.inspectorate.dashboard.pages;

import java.util.List;
import vn.inspectorate.dashboard.web.Periods;

/** The choices above a page's figures (a GET form: changing them changes nothing on the platform). */
public record Filters(List<Field> fields) {

    /** One select: its parameter name, its label and its options. */
    public record Field(String name, String label, List<Periods.Option> options) {
    }
}
