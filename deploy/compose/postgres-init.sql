-- One database per service (each owns its data) and one for Keycloak.
CREATE DATABASE complaints;
CREATE DATABASE inspection;
CREATE DATABASE declarations;
CREATE DATABASE reporting;
CREATE DATABASE gateway;
CREATE DATABASE keycloak;
