package vn.inspectorate.bench.floor;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;

/** The one entity: enough for Hibernate ORM to build its metadata and start its persistence unit. */
@Entity
public class Note extends PanacheEntity {

    public String text;
}
