package vn.inspectorate.dashboard.web;

import java.util.List;
import vn.inspectorate.dashboard.api.ApiProblem;

/**
 * What every page's frame needs: its words, title, the navigation with the current item, the language switch (the
 * same page in the other language), the signed-in user and the sign-out form's CSRF token, and the problems the API
 * answered while the page was built.
 */
public record Page(Texts t, Formats fmt, String lang, String title, String active, List<NavItem> nav,
        String otherLangHref, String otherLangLabel, String otherLang, String userName, String csrfField,
        String csrfToken, List<ApiProblem> problems) {

    /** One link of the navigation. */
    public record NavItem(String key, String label, String href, boolean current) {
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
