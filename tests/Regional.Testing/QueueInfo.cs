namespace Regional.Testing;

/// <summary>A queue as <c>rabbitmqctl list_queues</c> reports it.</summary>
/// <param name="Name">The queue's name.</param>
/// <param name="Messages">Ready plus unacknowledged messages.</param>
/// <param name="Ready">Messages ready for delivery.</param>
/// <param name="Unacknowledged">Messages delivered to consumers and not yet acknowledged.</param>
/// <param name="Consumers">The number of consumers.</param>
/// <param name="Type">classic or quorum.</param>
public sealed record QueueInfo(string Name, long Messages, long Ready, long Unacknowledged, long Consumers, string Type = "classic");
