package io.groundwork.store;

import io.quarkus.hibernate.orm.PersistenceUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The store chosen at start-up, and the {@link EntityManager} of its persistence unit: code that
 * injects a plain {@code EntityManager} gets the active one, whichever the mode.
 */
@ApplicationScoped
public class ActiveStore {
  private final StoreMode mode;

  public ActiveStore(@ConfigProperty(name = "groundwork.store", defaultValue = "embedded") String store) {
    this.mode = StoreMode.parse(store);
  }

  public StoreMode mode() {
    return mode;
  }

  public boolean postgres() {
    return mode == StoreMode.POSTGRES;
  }

  @Produces
  EntityManager entityManager(@Any Instance<EntityManager> units) {
    return units.select(new PersistenceUnit.PersistenceUnitLiteral(mode.unitName())).get();
  }
}
