using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Regional.Placement.Data;

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
