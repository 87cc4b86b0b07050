using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Regional.ServiceDefaults;

namespace Regional.UnitTests.Persistence;

/// <summary>
/// Each provider's migrations are generated separately from one model; a model change without a
/// new migration for every provider would apply an old schema at start-up. No server is needed:
/// the model and the migrations' snapshot are compared in memory.
/// </summary>
public sealed class When_a_service_database_is_configured
{
    [Theory]
    [MemberData(nameof(ServiceDatabase.EveryServiceAndProvider), MemberType = typeof(ServiceDatabase))]
    public async Task The_provider_named_by_configuration_gets_its_own_context(string service, DatabaseProvider provider)
    {
        await using var database = ServiceDatabase.Open(service, provider, ServiceDatabase.Unreachable(provider));

        Assert.Equal($"{provider}{service}DbContext", database.Context.GetType().Name);
        Assert.Equal(
            provider switch
            {
                DatabaseProvider.Sqlite => "Microsoft.EntityFrameworkCore.Sqlite",
                DatabaseProvider.Postgres => "Npgsql.EntityFrameworkCore.PostgreSQL",
                _ => "Microsoft.EntityFrameworkCore.SqlServer",
            },
            database.Context.Database.ProviderName);
    }

    [Theory]
    [MemberData(nameof(ServiceDatabase.EveryServiceAndProvider), MemberType = typeof(ServiceDatabase))]
    public async Task Its_migrations_match_the_model(string service, DatabaseProvider provider)
    {
        await using var database = ServiceDatabase.Open(service, provider, ServiceDatabase.Unreachable(provider));

        Assert.NotEmpty(database.Context.Database.GetMigrations());
        Assert.False(
            database.Context.Database.HasPendingModelChanges(),
            $"{service} on {provider}: the model has changes that no migration holds; run deploy/scripts/add-migration.sh NAME {service}.");
    }

    /// <summary>
    /// SQL Server cannot index an <c>nvarchar(max)</c> column and refuses a key over 900 bytes
    /// (1,700 for a non-clustered index), which would only show when the migration runs.
    /// </summary>
    [Theory]
    [MemberData(nameof(ServiceDatabase.EveryService), MemberType = typeof(ServiceDatabase))]
    public async Task On_sql_server_every_key_and_index_fits_an_index(string service)
    {
        await using var database = ServiceDatabase.Open(service, DatabaseProvider.SqlServer, ServiceDatabase.Unreachable(DatabaseProvider.SqlServer));
        var model = database.Context.GetService<IDesignTimeModel>().Model.GetRelationalModel();

        var problems = new List<string>();
        foreach (var table in model.Tables)
        {
            var keys = table.UniqueConstraints.Select(k => (k.Name, k.Columns, Limit: k.GetIsPrimaryKey() ? 900 : 1700))
                .Concat(table.Indexes.Select(i => (i.Name, i.Columns, Limit: 1700)));
            foreach (var (name, columns, limit) in keys)
            {
                var bytes = 0;
                foreach (var column in columns)
                {
                    var size = KeyBytes(column);
                    if (size is null)
                    {
                        problems.Add($"{table.Name}.{name}: {column.Name} is {column.StoreType}, which cannot be indexed");
                    }

                    bytes += size ?? 0;
                }

                if (bytes > limit)
                {
                    problems.Add($"{table.Name}.{name}: {bytes} bytes, over {limit}");
                }
            }
        }

        Assert.Empty(problems);
    }

    private static int? KeyBytes(IColumn column)
    {
        var type = column.StoreType;
        if (type.Contains("(max)", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var open = type.IndexOf('(', StringComparison.Ordinal);
        var length = open < 0 ? (int?)null : int.Parse(type[(open + 1)..type.IndexOf(')', StringComparison.Ordinal)].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
        return type.StartsWith("nvarchar", StringComparison.OrdinalIgnoreCase) || type.StartsWith("nchar", StringComparison.OrdinalIgnoreCase)
            ? length * 2
            : type.StartsWith("varchar", StringComparison.OrdinalIgnoreCase) || type.StartsWith("varbinary", StringComparison.OrdinalIgnoreCase)
                ? length
                : 16; // uniqueidentifier, bigint, datetimeoffset, date, int, bit: at most 16 bytes.
    }
}
