using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Regional.Messaging;

/// <summary>
/// The inbox, as a step in front of a consumer rather than a call inside it: a message this
/// consumer already handled is acknowledged and skipped; otherwise its receipt joins the
/// consumer's unit of work and commits with the consumer's effects, or not at all.
/// </summary>
public sealed class InboxFilter<TConsumer> : IFilter<ConsumerConsumeContext<TConsumer>>
    where TConsumer : class
{
    // The consumer's name is the key, as the inbox rows written before this filter existed have it.
    private static readonly string Consumer = typeof(TConsumer).Name;

    public async Task Send(ConsumerConsumeContext<TConsumer> context, IPipe<ConsumerConsumeContext<TConsumer>> next)
    {
        var services = context.GetPayload<IServiceProvider>();
        var inbox = services.GetRequiredService<IInbox>();
        if (await inbox.AlreadyConsumedAsync(context, Consumer))
        {
            return;
        }

        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");
}

/// <summary>The service database's inbox, resolved in the consumer's scope (so it shares the consumer's unit of work).</summary>
public interface IInbox
{
    Task<bool> AlreadyConsumedAsync(ConsumeContext context, string consumer);
}

internal sealed class DatabaseInbox(IMessagingDbContext db, TimeProvider clock) : IInbox
{
    public Task<bool> AlreadyConsumedAsync(ConsumeContext context, string consumer) =>
        db.AlreadyConsumedAsync(context, consumer, clock.GetUtcNow());
}
