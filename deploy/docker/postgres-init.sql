-- One database per authority's placement, referral and consent services, and one each for the region's coordination and alerts services (docker-compose.yml, demo only). Run once by
-- the postgres image when its data volume is first initialised; after an edit here, recreate
-- the volume (docker compose down -v). Each service creates its schema itself (EF Core
-- migrations at start). Keep the names in step with ConnectionStrings__Placement, __Referral, __Consent, __Region and __Alerts in
-- docker-compose.yml and the authorities in deploy/region.json.
--
-- All four share one server and one owner here for convenience. In production each authority
-- (a separate data controller) has its own server or at least its own role, and no other
-- authority's service can connect to its database.
CREATE DATABASE placement_derby_city;
CREATE DATABASE placement_derbyshire;
CREATE DATABASE placement_nottingham_city;
CREATE DATABASE placement_nottinghamshire;
CREATE DATABASE referral_derby_city;
CREATE DATABASE referral_derbyshire;
CREATE DATABASE referral_nottingham_city;
CREATE DATABASE referral_nottinghamshire;
CREATE DATABASE consent_derby_city;
CREATE DATABASE consent_derbyshire;
CREATE DATABASE consent_nottingham_city;
CREATE DATABASE consent_nottinghamshire;
CREATE DATABASE region_coordination;
CREATE DATABASE region_alerts;
