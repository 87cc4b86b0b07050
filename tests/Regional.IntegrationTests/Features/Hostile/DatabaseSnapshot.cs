using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regional.Alerts.Data;
using Regional.Consent.Data;
using Regional.IntegrationTests.Infrastructure;
using Regional.Placement.Data;
using Regional.Referral.Data;
using Regional.RegionService.Data;

namespace Regional.IntegrationTests.Features.Hostile;

/// <summary>
/// A digest of every row of every table of every database the region runs (PostgreSQL): per table,
/// the row count and an MD5 over the MD5s of each row's text form in sorted order, so any changed,
/// added or removed byte in any row changes it, whatever order the rows come back in.
/// </summary>
public sealed class DatabaseSnapshot
{
    private readonly Dictionary<string, string> _queries = new(StringComparer.Ordinal);

    private DatabaseSnapshot(IReadOnlyList<(string Name, IServiceProvider Services, Type Context)> databases) => Databases = databases;

    public IReadOnlyList<(string Name, IServiceProvider Services, Type Context)> Databases { get; }

    /// <summary>Every service database of the fixture's region.</summary>
    public static DatabaseSnapshot Of(RegionFixture fixture)
    {
        var databases = new List<(string, IServiceProvider, Type)>();
        foreach (var authority in fixture.Region.Region.Authorities.Select(a => a.Id))
        {
            databases.Add(($"{authority}.placement", fixture.Region.PlacementServices(authority), typeof(PlacementDbContext)));
            databases.Add(($"{authority}.referral", fixture.Region.ReferralServices(authority), typeof(ReferralDbContext)));
            databases.Add(($"{authority}.consent", fixture.Region.ConsentServices(authority), typeof(ConsentDbContext)));
        }

        databases.Add(("region", fixture.Region.RegionServices, typeof(RegionDbContext)));
        databases.Add(("alerts", fixture.Region.AlertsServices, typeof(AlertsDbContext)));
        return new DatabaseSnapshot(databases);
    }

    /// <summary>database/table → "rows:digest".</summary>
    public async Task<SortedDictionary<string, string>> TakeAsync()
    {
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, services, context) in Databases)
        {
            await using var scope = services.CreateAsyncScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(context);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            try
            {
                if (!_queries.TryGetValue(name, out var query))
                {
                    _queries[name] = query = await DigestQuery(connection);
                }

                await using var command = connection.CreateCommand();
                command.CommandText = query;
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    digests[$"{name}/{reader.GetString(0)}"] = $"{reader.GetInt64(1)}:{reader.GetString(2)}";
                }
            }
            finally
            {
                await connection.CloseAsync();
            }
        }

        return digests;
    }

    /// <summary>The tables whose digest differs between two snapshots, with their row counts.</summary>
    public static List<string> Differences(SortedDictionary<string, string> before, SortedDictionary<string, string> after) =>
        before.Keys.Union(after.Keys, StringComparer.Ordinal)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Select(k => $"{k} ({Rows(before.GetValueOrDefault(k))} -> {Rows(after.GetValueOrDefault(k))} rows)")
            .ToList();

    /// <summary>Waits until two snapshots a moment apart agree: the messages of the setting-up have all landed.</summary>
    public async Task<SortedDictionary<string, string>> SettledAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var previous = await TakeAsync();
        while (true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(700));
            var current = await TakeAsync();
            if (Differences(previous, current).Count == 0)
            {
                return current;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the databases kept changing: {string.Join(", ", Differences(previous, current))}");
            }

            previous = current;
        }
    }

    private static string Rows(string? digest) => digest?.Split(':')[0] ?? "no table";

    /// <summary>One statement per database: a digest per base table, tables in name order.</summary>
    private static async Task<string> DigestQuery(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT table_schema, table_name FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
            ORDER BY table_schema, table_name
            """;
        var parts = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var (schema, table) = (reader.GetString(0), reader.GetString(1));
                var qualified = $"\"{schema.Replace("\"", "\"\"", StringComparison.Ordinal)}\".\"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
                var label = $"{schema}.{table}".Replace("'", "''", StringComparison.Ordinal);
                parts.Add($"SELECT '{label}'::text, count(*)::bigint, md5(coalesce(string_agg(md5(r::text), ',' ORDER BY md5(r::text)), '')) FROM {qualified} r");
            }
        }

        if (parts.Count == 0)
        {
            throw new InvalidOperationException("a database with no tables: is this PostgreSQL with its migrations applied?");
        }

        return new StringBuilder().AppendJoin("\nUNION ALL\n", parts).ToString();
    }
}
