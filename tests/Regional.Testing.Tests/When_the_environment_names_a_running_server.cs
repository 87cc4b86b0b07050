using Npgsql;

namespace Regional.Testing.Tests;

[Collection(EnvironmentVariablesCollection.Name)]
public sealed class When_REGIONAL_TEST_RABBITMQ_names_a_running_broker(SharedBroker broker)
{
    [Fact]
    public async Task That_broker_is_used_and_cannot_be_controlled()
    {
        var ct = TestContext.Current.CancellationToken;
        var running = broker.Node;
        RabbitMqNode given;
        using (new EnvironmentVariableScope(RabbitMqNode.EnvironmentVariable, running.AmqpUri.ToString()))
        {
            given = await RabbitMqNode.StartAsync(ct);
        }

        await using (given)
        {
            Assert.False(given.CanControl);
            Assert.Null(given.NodeName);
            Assert.Equal((running.Host, running.AmqpPort, "guest", "guest", "/"),
                (given.Host, given.AmqpPort, given.Username, given.Password, given.VirtualHost));
            using (await Amqp.HandshakeAsync(given.Host, given.AmqpPort, ct))
            {
            }

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => given.StopBrokerAsync(ct));
            Assert.Contains(RabbitMqNode.EnvironmentVariable, error.Message);
            await Assert.ThrowsAsync<InvalidOperationException>(() => given.StartBrokerAsync(ct));
            await Assert.ThrowsAsync<InvalidOperationException>(() => given.ListQueuesAsync(ct));
        }

        // Disposing it left the running broker alone.
        using (await Amqp.HandshakeAsync(running.Host, running.AmqpPort, ct))
        {
        }
    }

    [Fact]
    public async Task Its_URI_parts_are_honoured()
    {
        RabbitMqNode given;
        using (new EnvironmentVariableScope(RabbitMqNode.EnvironmentVariable, "amqp://app%40x:p%3Ass@broker.example:5999/staging"))
        {
            given = await RabbitMqNode.StartAsync(TestContext.Current.CancellationToken);
        }

        await using (given)
        {
            Assert.Equal(("broker.example", 5999, "app@x", "p:ss", "staging"),
                (given.Host, given.AmqpPort, given.Username, given.Password, given.VirtualHost));
        }
    }
}

[Collection(EnvironmentVariablesCollection.Name)]
public sealed class When_REGIONAL_TEST_POSTGRES_names_a_running_server(SharedPostgres postgres)
{
    [Fact]
    public async Task That_server_is_used_and_only_the_databases_created_through_it_are_dropped()
    {
        var ct = TestContext.Current.CancellationToken;
        var running = postgres.Server;
        PostgresServer given;
        using (new EnvironmentVariableScope(PostgresServer.EnvironmentVariable, running.ConnectionString))
        {
            given = await PostgresServer.StartAsync(ct);
        }

        await using (given)
        {
            Assert.False(given.CanControl);
            Assert.Equal((running.Host, running.Port), (given.Host, given.Port));
            var connectionString = await given.CreateDatabaseAsync("through_the_environment", ct);
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT current_database()", connection);
            Assert.Equal("through_the_environment", await command.ExecuteScalarAsync(ct));
        }

        // The running server is still up, without the database.
        await using var check = new NpgsqlConnection(running.ConnectionString);
        await check.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = 'through_the_environment'", check);
        Assert.Equal(0L, await exists.ExecuteScalarAsync(ct));
    }
}
