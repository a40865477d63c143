-- One database per service (docker-compose); tables come from each service's migrations at start.
CREATE DATABASE forma_catalog;
CREATE DATABASE forma_enrolment;
CREATE DATABASE forma_attendance;
CREATE DATABASE forma_remuneration;
CREATE DATABASE forma_reporting;
