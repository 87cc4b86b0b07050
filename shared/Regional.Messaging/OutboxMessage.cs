namespace Regional.Messaging;

/// <summary>
/// A message waiting to leave this service. Written in the same transaction as the state
/// change that caused it; removed from the pending set only once the broker confirmed it.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Database order of writing, so that messages leave in the order they were caused.</summary>
    public long Sequence { get; set; }

    /// <summary>Becomes the MassTransit message id, which receivers' inboxes deduplicate on.</summary>
    public Guid MessageId { get; set; }

    /// <summary>The contract's stable URN.</summary>
    public required string MessageType { get; set; }

    /// <summary><c>queue:{to}.{service}</c> for a send; null for a metadata event that is published.</summary>
    public string? Destination { get; set; }

    public required string Body { get; set; }

    /// <summary>W3C trace parent of the request that caused the message, so the trace crosses the border.</summary>
    public string? TraceParent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// Set while the message waits for a lawful basis (<c>purpose|recipient type|child</c>): it is not
    /// dispatched, and <see cref="Body"/> is the message as written, filtered only when it is released.
    /// </summary>
    public string? HeldFor { get; set; }
}

/// <summary>A message this service has already consumed, by message id and consumer.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public required string Consumer { get; set; }

    public DateTimeOffset ConsumedAt { get; set; }
}
