using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Regional.Messaging;

/// <summary>
/// Moves committed outbox messages to the broker, oldest first, with publisher confirms.
/// A message is marked dispatched only after the broker accepted it; a crash in between
/// sends it again with the same message id, which the receiver's inbox discards.
/// </summary>
public sealed partial class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    BrokerSettings broker,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext, IMessagingDbContext
{
    private static readonly ActivitySource Source = new("Regional.Messaging");
    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var dispatched = await DispatchBatchAsync(stoppingToken);
                backoff = TimeSpan.Zero;
                if (dispatched == _options.BatchSize)
                {
                    continue;
                }

                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                backoff = backoff == TimeSpan.Zero
                    ? TimeSpan.FromMilliseconds(200)
                    : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
                LogDispatchFailed(logger, (ex.InnerException ?? ex).GetType().Name, backoff.TotalMilliseconds);
                try
                {
                    await Task.Delay(backoff, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Sends one batch; returns how many messages left.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var pending = await db.Outbox
            .AsNoTracking()
            .Where(m => m.DispatchedAt == null && m.HeldFor == null)
            .OrderBy(m => m.Sequence)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        // The batch goes out concurrently so that publisher confirms overlap; consumers do not
        // rely on arrival order (they tolerate a receipt after its acknowledgement and retry an
        // end notice that overtakes its start), as RabbitMQ with prefetch would not keep it anyway.
        var outcomes = await Task.WhenAll(pending.Select(async message =>
        {
            try
            {
                await SendAsync(message, cancellationToken);
                return (Message: message, Error: (Exception?)null);
            }
            catch (Exception ex)
            {
                return (Message: message, Error: ex);
            }
        }));

        var sent = outcomes.Where(o => o.Error is null).Select(o => o.Message).ToList();
        await RecordAsync(scope.ServiceProvider, db, sent, [.. outcomes.Where(o => o.Error is not null)]);
        var failure = outcomes.Select(o => o.Error).FirstOrDefault(e => e is not null);
        if (failure is not null)
        {
            throw new OutboxDispatchException(pending.Count - sent.Count, failure);
        }

        return sent.Count;
    }

    /// <summary>
    /// Records what left (one statement for the batch) and what did not, even when some failed,
    /// so that nothing that left is sent twice.
    /// </summary>
    private async Task RecordAsync(
        IServiceProvider services, TContext db, List<OutboxMessage> sent, (OutboxMessage Message, Exception? Error)[] failed)
    {
        var at = clock.GetUtcNow();
        if (sent.Count > 0)
        {
            foreach (var listener in services.GetServices<IOutboxDispatchListener>())
            {
                await listener.OnDispatchedAsync(sent, at, CancellationToken.None);
            }

            var ids = sent.Select(m => m.MessageId).ToList();
            await db.Outbox.Where(m => ids.Contains(m.MessageId))
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.DispatchedAt, at), CancellationToken.None);
        }

        foreach (var (message, error) in failed)
        {
            var reason = error!.GetType().Name;
            await db.Outbox.Where(m => m.Sequence == message.Sequence)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, reason),
                    CancellationToken.None);
        }
    }

    private async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = MessageTypes.Resolve(message.MessageType);
        var payload = JsonSerializer.Deserialize(message.Body, type, CrossBorderOutbox.Json)
            ?? throw new InvalidOperationException($"Outbox message {message.Sequence} has an empty body.");

        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = Source.StartActivity("outbox dispatch", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.type", message.MessageType);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.SendTimeout);

        // Sending to queue:X declares X as a classic queue, which a quorum queue refuses; its exchange
        // (declared and bound by the receiver) takes the message instead, and mandatory makes the broker
        // return it while no queue is bound yet, so the send fails and is retried rather than dropped.
        var destination = message.Destination;
        var mandatory = false;
        if (broker.QueueType == QueueType.Quorum && destination is not null && destination.StartsWith("queue:", StringComparison.Ordinal))
        {
            destination = "exchange:" + destination["queue:".Length..];
            mandatory = true;
        }

        void Stamp(SendContext context)
        {
            context.MessageId = message.MessageId;
            context.Durable = true;
            if (mandatory && context.TryGetPayload<RabbitMqSendContext>(out var rabbit))
            {
                rabbit.Mandatory = true;
            }
        }

        if (message.Destination is null)
        {
            await bus.Publish(payload, type, Stamp, timeout.Token);
        }
        else
        {
            var endpoint = await bus.GetSendEndpoint(new Uri(destination!));
            await endpoint.Send(payload, type, Stamp, timeout.Token);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch failed ({ErrorType}); retrying in {BackoffMs} ms")]
    private static partial void LogDispatchFailed(ILogger logger, string errorType, double backoffMs);
}

/// <summary>Some messages of a batch could not be sent; they stay pending and are retried after a back-off.</summary>
public sealed class OutboxDispatchException(int failed, Exception first)
    : Exception($"{failed} outbox message(s) could not be sent.", first);
