#!/usr/bin/env python3
"""Checks docker-compose.yml and deploy/docker/ against the code and the region, without Docker.

    python3 deploy/docker/verify-compose.py [--schema compose-spec.json]   (needs PyYAML)

With --schema (the Compose Specification's JSON schema, e.g. the one the npm package dclint
ships in schemas/compose.schema.json; needs the jsonschema module) the file, its YAML anchors
resolved, is also validated against it.

Exit 0 when every check passes; otherwise lists the failures and exits 1. What it checks:
- the compose file and the collector configuration parse; only ${NAME:-default} interpolation;
- every mounted file, the Dockerfile and every PROJECT build argument exist;
- every .NET container's configuration file is mounted as appsettings.{its environment}.json;
- every environment key of a .NET container is a configuration key the code reads;
- one placement container per authority of deploy/region.json, each with its own database,
  created by postgres-init.sql, and reachable by the gateway's address template;
- one coordination and one alerts container, each with its own database, named by the gateway;
- the identity issuer, every Authentication:Authority and the gateway's identity address agree;
- deploy/docker/identity.json holds what deploy/Regional.LocalRegion/DemoIdentity.cs generates;
- published ports are bound to 127.0.0.1 only;
- the health paths used by the healthchecks are mapped by the code.
See docs/decisions/0006-container-deployment.md.
"""
import json
import pathlib
import re
import sys
from urllib.parse import urlparse

try:
    import yaml
except ImportError:
    sys.exit("PyYAML is required: pip install pyyaml")

ROOT = pathlib.Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
failures: list[str] = []


def fail(message: str) -> None:
    failures.append(message)


def code_files():
    for folder in ("services", "gateway", "shared"):
        for path in (ROOT / folder).rglob("*.cs"):
            if not {"bin", "obj"} & set(path.parts):
                yield path


def interpolate(value: str) -> str:
    """Compose's ${NAME:-default} with the defaults (the environment is deliberately ignored)."""
    return re.sub(r"\$\{(\w+):-([^}]*)\}", lambda m: m.group(2), value)


# --- The code: configuration keys it reads -----------------------------------------------------
code = "\n".join(p.read_text(encoding="utf-8") for p in code_files())
sections = set(re.findall(r'SectionName\s*=\s*"(\w+)"', code))
properties = {}  # property name -> declared types
for type_, name in re.findall(r"public\s+([\w<>\[\]?,. ]+?)\s+(\w+)\s*\{\s*get;", code):
    properties.setdefault(name, set()).add(type_)
literal_keys = set(re.findall(r'"([A-Za-z]\w*(?::\w+)+)"', code)) | set(re.findall(r'Configuration\["(\w+)"\]', code))
# Named where a service registers its database: directly, or through the service kit's Database<...>("Name").
connection_names = set(re.findall(r'AddServiceDatabase<[^>]*>\([^;]*?"(\w+)"\)', code)) | set(re.findall(r'\.Database<[^>]*>\("(\w+)"\)', code))
framework_prefixes = ("ASPNETCORE_", "DOTNET_", "OTEL_", "Logging:LogLevel:", "Logging:Console:")


def known_key(key: str) -> bool:
    if key.startswith(framework_prefixes) or key in literal_keys:
        return True
    segments = key.split(":")
    if segments[0] == "ConnectionStrings":
        return len(segments) == 2 and segments[1] in connection_names
    if segments[0] not in sections:
        return False
    previous_types: set[str] = set()
    for segment in segments[1:]:
        if any(t.startswith("Dictionary<") for t in previous_types):
            previous_types = set()  # a dictionary key: any name
            continue
        if segment not in properties:
            return False
        previous_types = properties[segment]
    return True


# --- Parse ------------------------------------------------------------------------------------
raw = COMPOSE.read_text(encoding="utf-8")
for match in re.finditer(r"\$(?!\$)(\{[^}]*\}|\w+)?", raw):
    if not re.fullmatch(r"\{\w+:-[^}]*\}", match.group(1) or ""):
        fail(f"docker-compose.yml: '{match.group(0)}' is not ${{NAME:-default}} interpolation")
compose = yaml.safe_load(raw)
if "--schema" in sys.argv:
    import jsonschema
    schema = json.loads(pathlib.Path(sys.argv[sys.argv.index("--schema") + 1]).read_text(encoding="utf-8"))
    for error in jsonschema.Draft7Validator(schema).iter_errors(compose):
        fail(f"docker-compose.yml: schema: {'/'.join(map(str, error.path))}: {error.message[:200]}")
services = compose["services"]
try:
    collector = yaml.safe_load((ROOT / "deploy/docker/otel-collector.yaml").read_text(encoding="utf-8"))
    for pipeline, spec in collector["service"]["pipelines"].items():
        for kind in ("receivers", "processors", "exporters"):
            for component in spec.get(kind, []):
                if component not in (collector.get(kind) or {}):
                    fail(f"otel-collector.yaml: pipeline {pipeline} uses undefined {kind[:-1]} {component}")
except (yaml.YAMLError, KeyError) as e:
    fail(f"otel-collector.yaml: {e}")

region = json.loads((ROOT / "deploy/region.json").read_text(encoding="utf-8"))["Region"]
authorities = [a["Id"] for a in region["Authorities"]]


def env_of(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {k: interpolate(str(v)) for k, v in env.items()}


# --- Files, builds, mounts, ports ---------------------------------------------------------------
dotnet = {}
for name, service in services.items():
    build = service.get("build")
    if build:
        if not (ROOT / build.get("context", ".") / build["dockerfile"]).is_file():
            fail(f"{name}: Dockerfile {build['dockerfile']} does not exist")
        project = build.get("args", {}).get("PROJECT")
        if not project or not (ROOT / project).is_file() or not project.endswith(".csproj"):
            fail(f"{name}: build argument PROJECT '{project}' is not a .csproj of the repository")
        else:
            dotnet[name] = service
    for volume in service.get("volumes", []):
        source = volume.split(":", 1)[0]
        if source.startswith((".", "/")) and not (ROOT / source).exists():
            fail(f"{name}: mounted file {source} does not exist")
    for port in service.get("ports", []):
        if not interpolate(str(port)).startswith("127.0.0.1:"):
            fail(f"{name}: port {port} is published beyond 127.0.0.1")

# --- .NET containers: configuration ------------------------------------------------------------
for name, service in dotnet.items():
    env = env_of(service)
    environment = env.get("ASPNETCORE_ENVIRONMENT", "Production")
    overlay = f"/app/appsettings.{environment}.json"
    targets = [v.split(":")[1] for v in service.get("volumes", [])]
    if overlay not in targets:
        fail(f"{name}: its configuration file must be mounted as {overlay} (environment {environment}); mounts: {targets}")
    for key in env:
        if not known_key(key.replace("__", ":")):
            fail(f"{name}: environment key {key} is not a configuration key the code reads")
    if name != "identity" and "Authentication__Authority" not in env:
        fail(f"{name}: Authentication__Authority is not set")

# --- Placement: one container, database and queue per authority ---------------------------------
init_sql = (ROOT / "deploy/docker/postgres-init.sql").read_text(encoding="utf-8")
created = set(re.findall(r"CREATE DATABASE (\w+)", init_sql))
placements = {n: s for n, s in dotnet.items() if s["build"]["args"]["PROJECT"].startswith("services/Placement/")}
seen = {}
for name, service in placements.items():
    env = env_of(service)
    authority = env.get("Authority")
    if name != f"placement-{authority}":
        fail(f"{name}: the container of authority '{authority}' must be named placement-{authority}")
    connection = dict(p.split("=", 1) for p in env.get("ConnectionStrings__Placement", "").split(";") if "=" in p)
    database = connection.get("Database")
    if database != f"placement_{(authority or '').replace('-', '_')}":
        fail(f"{name}: database {database} is not placement_<authority>")
    if database not in created:
        fail(f"{name}: database {database} is not created by postgres-init.sql")
    if connection.get("Host") not in services:
        fail(f"{name}: database host {connection.get('Host')} is not a compose service")
    if urlparse(env.get("RabbitMq__Uri", "")).hostname not in services:
        fail(f"{name}: RabbitMq__Uri does not name a compose service")
    seen.setdefault(database, []).append(name)
if sorted(env_of(s).get("Authority") for s in placements.values()) != sorted(authorities):
    fail(f"placement containers {sorted(placements)} do not match the region's authorities {authorities}")
for database, names in seen.items():
    if len(names) > 1:
        fail(f"database {database} is shared by {names}")

# --- Referral and consent: the same shape, one container and database per authority -------------
gateway = env_of(services["gateway"])
for kind, folder, setting in (("referral", "Referral", "Referral"), ("consent", "Consent", "Consent")):
    containers = {n: s for n, s in dotnet.items() if s["build"]["args"]["PROJECT"].startswith(f"services/{folder}/")}
    for name, service in containers.items():
        env = env_of(service)
        authority = env.get("Authority")
        if name != f"{kind}-{authority}":
            fail(f"{name}: the container of authority '{authority}' must be named {kind}-{authority}")
        connection = dict(p.split("=", 1) for p in env.get(f"ConnectionStrings__{setting}", "").split(";") if "=" in p)
        database = connection.get("Database")
        if database != f"{kind}_{(authority or '').replace('-', '_')}":
            fail(f"{name}: database {database} is not {kind}_<authority>")
        if database not in created:
            fail(f"{name}: database {database} is not created by postgres-init.sql")
        seen.setdefault(database, []).append(name)
    if sorted(env_of(s).get("Authority") for s in containers.values()) != sorted(authorities):
        fail(f"{kind} containers {sorted(containers)} do not match the region's authorities {authorities}")
    template = gateway.get(f"Gateway__ServiceAddresses__{kind}", "")
    for authority in authorities:
        if urlparse(template.replace("{authority}", authority)).hostname not in services:
            fail(f"gateway: the {kind} address of {authority} names no compose service")
for database, names in seen.items():
    if len(names) > 1:
        fail(f"database {database} is shared by {names}")

# --- Gateway and identity: addresses and the issuer ---------------------------------------------
template = gateway.get("Gateway__ServiceAddresses__placement", "")
for authority in authorities:
    host = urlparse(template.replace("{authority}", authority)).hostname
    if host not in services:
        fail(f"gateway: the placement address of {authority} names no compose service ({host})")
# The region-wide services: one container each, its own database, the gateway's address naming it.
for setting, project, address in (("Region", "services/Region/", "Gateway__RegionAddress"), ("Alerts", "services/Alerts/", "Gateway__AlertsAddress")):
    containers = [n for n, s in dotnet.items() if s["build"]["args"]["PROJECT"].startswith(project)]
    if len(containers) != 1:
        fail(f"expected one {setting} container, found {containers}")
        continue
    connection = dict(p.split("=", 1) for p in env_of(services[containers[0]]).get(f"ConnectionStrings__{setting}", "").split(";") if "=" in p)
    if connection.get("Database") not in created:
        fail(f"{containers[0]}: database {connection.get('Database')} is not created by postgres-init.sql")
    if urlparse(gateway.get(address, "")).hostname != containers[0]:
        fail(f"gateway: {address} does not name the {containers[0]} service")
if urlparse(gateway.get("Gateway__IdentityAddress", "")).hostname != "identity":
    fail("gateway: Gateway__IdentityAddress does not name the identity service")
issuer = env_of(services["identity"]).get("Identity__Issuer")
for name in dotnet:
    authority = env_of(services[name]).get("Authentication__Authority")
    if authority is not None and authority.rstrip("/") != (issuer or "").rstrip("/"):
        fail(f"{name}: Authentication__Authority {authority} differs from Identity__Issuer {issuer}")
if urlparse(issuer or "").hostname not in services:
    fail(f"Identity__Issuer {issuer} names no compose service: services could not fetch its keys")

# --- identity.json: what DemoIdentity.cs generates for this region -------------------------------
users, clients = [], []
for a in region["Authorities"]:
    users += [
        {"UserName": f"{a['Id']}.practitioner", "DisplayName": f"{a['Name']} practitioner", "Authority": a["Id"], "Roles": ["practitioner"]},
        {"UserName": f"{a['Id']}.cre-coordinator", "DisplayName": f"{a['Name']} CRE coordinator", "Authority": a["Id"], "Roles": ["cre-coordinator"]},
        {"UserName": f"{a['Id']}.manager", "DisplayName": f"{a['Name']} manager", "Authority": a["Id"], "Roles": ["manager"]},
    ]
    clients.append({"ClientId": f"{a['Id']}-case-system", "ClientSecret": "dev-secret", "Authority": a["Id"], "Roles": ["system"]})
for f in region["PoliceForces"]:
    users.append({"UserName": f"{f['Id']}.officer", "DisplayName": f"{f['Name']} officer", "Force": f["Id"], "Roles": ["police"]})
    clients.append({"ClientId": f"{f['Id']}-system", "ClientSecret": "dev-secret", "Force": f["Id"], "Roles": ["police"]})
users.append({"UserName": "regional.coordinator", "DisplayName": "Regional coordinator", "Roles": ["regional-coordinator"]})
identity = json.loads((ROOT / "deploy/docker/identity.json").read_text(encoding="utf-8"))["Identity"]
if identity.get("Clients") != clients:
    fail("identity.json: Clients differ from what DemoIdentity.cs generates for deploy/region.json")
if identity.get("DemoUsers") != {"Enabled": True, "Users": users}:
    fail("identity.json: DemoUsers differ from what DemoIdentity.cs generates for deploy/region.json")

# --- Health paths --------------------------------------------------------------------------------
for name, service in dotnet.items():
    for path in re.findall(r"GET (/\S+) HTTP", " ".join(service.get("healthcheck", {}).get("test", []))):
        if f'"{path}"' not in code:
            fail(f"{name}: healthcheck path {path} is not mapped by the code")

if failures:
    print("\n".join(f"FAIL {f}" for f in failures))
    sys.exit(1)
print(f"OK: {len(services)} services, {len(placements)} placement containers for {authorities}, issuer {issuer}")
