package vn.inspectorate.deploy.demo;

/** How many records of one kind a load wrote, and how many it found already there. */
public record Count(int created, int existing) {

    public int total() {
        return created + existing;
    }
}
