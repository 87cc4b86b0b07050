namespace Regional.Messaging;

/// <summary>
/// Which authority's instance of which service this process is. It names the instance's own
/// queue (<c>{authority}.{service}</c>), so that copies of one service, even in one process,
/// never compete for each other's messages.
/// </summary>
public sealed record ServiceIdentity(string Authority, string Service)
{
    public string QueueName => QueueFor(Authority, Service);

    public static string QueueFor(string participant, string service) => $"{participant}.{service}";
}
