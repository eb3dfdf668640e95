package vn.inspectorate.dashboard.api;

/** A problem the API answered (or the failure to reach it, status 0), as a page shows it. */
public record ApiProblem(int status, String title, String detail, String requestId) {

    public boolean notFound() {
        return status == 404;
    }

    public boolean forbidden() {
        return status == 403;
    }
}
