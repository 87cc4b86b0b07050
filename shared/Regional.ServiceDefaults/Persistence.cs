using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Regional.ServiceDefaults;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

public static class Persistence
{
    /// <summary>
    /// The collation of every text column on SQL Server. The server's usual default is
    /// case-insensitive, so a unique reference, an inbox receipt or a lookup by name would match
    /// text that SQLite and PostgreSQL (and the C# code) hold to be different; a binary
    /// collation compares as they do, whatever the database's own default is.
    /// </summary>
    public const string SqlServerCollation = "Latin1_General_100_BIN2";

    /// <summary>
    /// The service's own database, SQLite (embedded default), PostgreSQL or SQL Server by
    /// <c>Database:Provider</c>; each provider has its own context subclass and migrations.
    /// Migrations are applied before anything else starts, so no consumer sees an old schema.
    /// </summary>
    public static IServiceCollection AddServiceDatabase<TContext, TSqlite, TPostgres, TSqlServer>(
        this IServiceCollection services, IConfiguration configuration, string connectionName)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
        where TSqlServer : TContext
    {
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");

        if (provider == DatabaseProvider.Sqlite)
        {
            // Several writers (requests, consumers, the dispatcher) share one file: wait for the lock.
            var sqlite = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 30, Pooling = true };
            services.AddDbContext<TContext, TSqlite>(o => o.UseSqlite(sqlite.ToString()));
        }
        // No retrying execution strategy on the servers: callers own their transactions, and retries
        // happen above (message retry, outbox back-off), where the whole unit of work is repeated.
        else if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<TContext, TPostgres>(o => o.UseNpgsql(connectionString));
        }
        else if (provider == DatabaseProvider.SqlServer)
        {
            services.AddDbContext<TContext, TSqlServer>(o => o.UseSqlServer(connectionString));
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not Sqlite, Postgres or SqlServer.");
        }

        services.AddHostedService<MigrateOnStart<TContext>>();
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "database", sp => new DatabaseHealthCheck<TContext>(sp), HealthStatus.Unhealthy, ["ready"]));
        return services;
    }

    private sealed class MigrateOnStart<TContext>(IServiceProvider services) : IHostedLifecycleService
        where TContext : DbContext
    {
        public async Task StartingAsync(CancellationToken cancellationToken)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            if (db.Database.IsSqlite())
            {
                var path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
                var folder = Path.GetDirectoryName(Path.GetFullPath(path));
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }
            }

            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // Readers do not block the writer, and a commit survives a crash of the process.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class DatabaseHealthCheck<TContext>(IServiceProvider services) : IHealthCheck
        where TContext : DbContext
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
    }
}
