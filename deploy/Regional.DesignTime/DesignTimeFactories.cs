using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Regional.Alerts.Data;
using Regional.Consent.Data;
using Regional.Placement.Data;
using Regional.Referral.Data;
using Regional.RegionService.Data;

namespace Regional.DesignTime;

// Migrations are generated per provider from the same model; no database is contacted.
public sealed class SqlitePlacementFactory : IDesignTimeDbContextFactory<SqlitePlacementDbContext>
{
    public SqlitePlacementDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePlacementDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresPlacementFactory : IDesignTimeDbContextFactory<PostgresPlacementDbContext>
{
    public PostgresPlacementDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPlacementDbContext>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}

public sealed class SqliteReferralFactory : IDesignTimeDbContextFactory<SqliteReferralDbContext>
{
    public SqliteReferralDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteReferralDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresReferralFactory : IDesignTimeDbContextFactory<PostgresReferralDbContext>
{
    public PostgresReferralDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresReferralDbContext>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}

public sealed class SqliteRegionFactory : IDesignTimeDbContextFactory<SqliteRegionDbContext>
{
    public SqliteRegionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRegionDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresRegionFactory : IDesignTimeDbContextFactory<PostgresRegionDbContext>
{
    public PostgresRegionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRegionDbContext>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}

public sealed class SqlServerPlacementFactory : IDesignTimeDbContextFactory<SqlServerPlacementDbContext>
{
    public SqlServerPlacementDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerPlacementDbContext>().UseSqlServer("Server=none;Database=design").Options);
}

public sealed class SqlServerReferralFactory : IDesignTimeDbContextFactory<SqlServerReferralDbContext>
{
    public SqlServerReferralDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerReferralDbContext>().UseSqlServer("Server=none;Database=design").Options);
}

public sealed class SqlServerRegionFactory : IDesignTimeDbContextFactory<SqlServerRegionDbContext>
{
    public SqlServerRegionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerRegionDbContext>().UseSqlServer("Server=none;Database=design").Options);
}

public sealed class SqliteConsentFactory : IDesignTimeDbContextFactory<SqliteConsentDbContext>
{
    public SqliteConsentDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteConsentDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresConsentFactory : IDesignTimeDbContextFactory<PostgresConsentDbContext>
{
    public PostgresConsentDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresConsentDbContext>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}

public sealed class SqlServerConsentFactory : IDesignTimeDbContextFactory<SqlServerConsentDbContext>
{
    public SqlServerConsentDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerConsentDbContext>().UseSqlServer("Server=none;Database=design").Options);
}

public sealed class SqliteAlertsFactory : IDesignTimeDbContextFactory<SqliteAlertsDbContext>
{
    public SqliteAlertsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAlertsDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresAlertsFactory : IDesignTimeDbContextFactory<PostgresAlertsDbContext>
{
    public PostgresAlertsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAlertsDbContext>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}

public sealed class SqlServerAlertsFactory : IDesignTimeDbContextFactory<SqlServerAlertsDbContext>
{
    public SqlServerAlertsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAlertsDbContext>().UseSqlServer("Server=none;Database=design").Options);
}
