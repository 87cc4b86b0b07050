using Npgsql;

namespace Regional.Testing.Tests;

public sealed class When_a_postgres_server_is_started(SharedPostgres postgres)
{
    private readonly PostgresServer server = postgres.Server;

    [Fact]
    public void It_is_a_controllable_server_on_loopback()
    {
        Assert.True(server.CanControl);
        Assert.Equal("127.0.0.1", server.Host);
        Assert.Equal("postgres", server.Username);
        Assert.False(string.IsNullOrEmpty(server.Password));
    }

    [Fact]
    public async Task A_created_database_accepts_a_table_and_answers_queries()
    {
        var ct = TestContext.Current.CancellationToken;

        var connectionString = await server.CreateDatabaseAsync("tables_and_queries", ct);

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.Equal(("127.0.0.1", server.Port, "postgres", "tables_and_queries"), (builder.Host, builder.Port, builder.Username, builder.Database));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await Execute(connection, "CREATE TABLE regions (id int PRIMARY KEY, name text NOT NULL)", ct);
        await Execute(connection, "INSERT INTO regions VALUES (1, 'Ærø'), (2, 'Zürich')", ct);
        await using var query = new NpgsqlCommand("SELECT string_agg(name, ',' ORDER BY id) FROM regions", connection);
        Assert.Equal("Ærø,Zürich", await query.ExecuteScalarAsync(ct));
    }

    [Fact]
    public async Task Creating_a_database_again_gives_an_empty_one_even_while_it_is_in_use()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await server.CreateDatabaseAsync("created twice", ct);
        await using var open = new NpgsqlConnection(first);
        await open.OpenAsync(ct);
        await Execute(open, "CREATE TABLE leftover (id int)", ct);

        var second = await server.CreateDatabaseAsync("created twice", ct);

        await using var connection = new NpgsqlConnection(second);
        await connection.OpenAsync(ct);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE tablename = 'leftover'", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync(ct));
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
