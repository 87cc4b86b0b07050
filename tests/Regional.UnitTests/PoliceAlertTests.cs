using Microsoft.Extensions.Configuration;
using Regional.Alerts.Domain;
using Regional.Alerts.Features;
using Regional.Alerts.Push;
using Regional.Client;
using Regional.Contracts.Alerts.V1;
using Regional.Contracts.Monitoring.V1;
using Regional.Region;
using Regional.ServiceDefaults;

namespace Regional.UnitTests;

public sealed class When_a_push_is_signed_and_verified
{
    // The example of the Standard Webhooks specification's own test suite.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Body = """{"test": 2432232314}""";
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static TimeProvider At(long unixSeconds) => new FixedClock(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    [Fact]
    public void The_signature_is_the_specifications_for_its_example()
    {
        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        Assert.Equal(Expected, WebhookSignature.Sign([key], Id, Timestamp, Body));
    }

    [Fact]
    public void Each_secret_in_use_signs_separated_by_a_space()
    {
        var signed = WebhookSignature.Sign([new byte[24], Convert.FromBase64String(Secret[6..])], Id, Timestamp, Body);
        Assert.Equal(2, signed.Split(' ').Length);
        Assert.EndsWith(" " + Expected, signed, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_verifier_accepts_it_once_and_then_calls_it_a_replay()
    {
        var verifier = new PushVerifier([Secret], At(Timestamp + 30));
        Assert.Equal(PushVerdict.Valid, verifier.Verify(Id, "1614265330", Expected, Body));
        Assert.Equal(PushVerdict.Replayed, verifier.Verify(Id, "1614265330", Expected, Body));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void A_timestamp_more_than_five_minutes_away_is_stale(int offsetSeconds)
    {
        var verifier = new PushVerifier([Secret], At(Timestamp + offsetSeconds));
        Assert.Equal(PushVerdict.StaleTimestamp, verifier.Verify(Id, "1614265330", Expected, Body));
    }

    [Fact]
    public void An_altered_body_a_wrong_secret_or_missing_headers_are_refused()
    {
        var clock = At(Timestamp);
        Assert.Equal(PushVerdict.BadSignature, new PushVerifier([Secret], clock).Verify(Id, "1614265330", Expected, """{"test": 2432232315}"""));
        Assert.Equal(PushVerdict.BadSignature, new PushVerifier(["whsec_" + Convert.ToBase64String(new byte[24])], clock).Verify(Id, "1614265330", Expected, Body));
        Assert.Equal(PushVerdict.BadSignature, new PushVerifier([Secret], clock).Verify(Id, "1614265330", "v1,not-base64!", Body));
        Assert.Equal(PushVerdict.MissingHeaders, new PushVerifier([Secret], clock).Verify(Id, null, Expected, Body));
        Assert.Equal(PushVerdict.MissingHeaders, new PushVerifier([Secret], clock).Verify(null, "1614265330", Expected, Body));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class When_a_push_fails
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 22, 10, 0, TimeSpan.Zero);

    [Fact]
    public void The_wait_doubles_from_the_first_back_off_up_to_the_most()
    {
        var first = TimeSpan.FromSeconds(5);
        var most = TimeSpan.FromSeconds(30);
        Assert.Equal(
            [5, 10, 20, 30, 30],
            Enumerable.Range(1, 5).Select(a => PushDelivery.Backoff(a, first, most).TotalSeconds));
    }

    [Fact]
    public void It_is_dead_after_its_last_attempt_and_a_resend_starts_again_with_the_same_webhook_id()
    {
        var delivery = new PushDelivery
        {
            WebhookId = "msg_x", Force = "derbyshire-police", Status = PushStatuses.Pending, NextAttemptAt = Now,
        };
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            delivery.Claim(Now, TimeSpan.FromSeconds(20));
            delivery.Failed(500, "The endpoint answered 500.", maxAttempts: 3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), Now);
            Assert.Equal(attempt < 3 ? PushStatuses.Pending : PushStatuses.Dead, delivery.Status);
        }

        Assert.Null(delivery.NextAttemptAt);
        delivery.Resend(Now);
        Assert.Equal((PushStatuses.Pending, 0, "msg_x", Now), (delivery.Status, delivery.Attempts, delivery.WebhookId, delivery.NextAttemptAt!.Value));
    }

    [Fact]
    public void A_rotation_keeps_the_old_secret_signing_until_the_overlap_ends()
    {
        var subscription = new PushSubscription { Force = "derbyshire-police", Url = "https://example.invalid/hook", Enabled = true };
        subscription.Secrets.Add(PushSecret.Create("derbyshire-police", Now.AddDays(-10)));
        var rotated = subscription.Rotate(TimeSpan.FromHours(24), Now);

        Assert.Equal(2, subscription.SigningAt(Now.AddHours(23)).Count);
        Assert.Equal([rotated], subscription.SigningAt(Now.AddHours(24)));
        Assert.StartsWith("whsec_", rotated.Secret, StringComparison.Ordinal);
        Assert.Equal(24, rotated.Key.Length);
    }
}

public sealed class When_an_alert_is_escalated_or_acknowledged
{
    private static readonly DateTimeOffset Received = new(2026, 12, 7, 22, 10, 0, TimeSpan.Zero);

    private static PoliceAlert NewAlert() => PoliceAlert.Receive(
        new PersonOrPlaceOfConcernAlert(Guid.NewGuid(), "derby-city", "derbyshire-police", Guid.NewGuid(), "place", "derbyshire", "d", "a", null, null, null, Received),
        AlertKinds.PersonOrPlaceOfConcern, "{}", TimeSpan.FromMinutes(30), Received);

    [Fact]
    public void Not_before_its_deadline_and_once_after_it()
    {
        var alert = NewAlert();
        Assert.Null(alert.Escalate(TimeSpan.FromMinutes(15), Received.AddMinutes(30)));
        var escalation = alert.Escalate(TimeSpan.FromMinutes(15), Received.AddMinutes(31));
        Assert.NotNull(escalation);
        Assert.Equal((AlertKinds.Unacknowledged, alert.Id, PoliceAlert.EscalationIdOf(alert.Id)), (escalation.Kind, escalation.EscalationOf!.Value, escalation.Id));
        Assert.Equal(AlertStatuses.Escalated, alert.Status);
        Assert.Null(alert.Escalate(TimeSpan.FromMinutes(15), Received.AddMinutes(40)));

        // An escalation is not itself escalated.
        Assert.Null(escalation.Escalate(TimeSpan.FromMinutes(15), Received.AddDays(1)));
    }

    [Fact]
    public void An_acknowledged_alert_never_escalates_and_the_first_acknowledgement_stands()
    {
        var alert = NewAlert();
        Assert.True(alert.Acknowledge("PC 1", Received.AddMinutes(5)));
        Assert.False(alert.Acknowledge("PC 2", Received.AddMinutes(6)));
        Assert.Equal(("PC 1", AlertStatuses.Acknowledged), (alert.AcknowledgedBy, alert.Status));
        Assert.Null(alert.Escalate(TimeSpan.FromMinutes(15), Received.AddHours(2)));
    }
}

public sealed class When_a_feed_cursor_is_read
{
    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(long.MaxValue)]
    public void A_cursor_the_feed_gave_out_reads_back_as_its_position(long position)
    {
        Assert.True(Feed.TryDecode(Feed.Encode(position), out var decoded));
        Assert.Equal(position, decoded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("42")]
    [InlineData("not a cursor")]
    [InlineData("ZjE6LTE")] // "f1:-1"
    [InlineData("ZjI6MTA")] // "f2:10"
    public void Anything_else_is_refused(string cursor)
    {
        Assert.False(Feed.TryDecode(cursor, out _));
    }
}

public sealed class When_the_region_names_forces_and_alert_deadlines
{
    private static IReadOnlyList<string> Failures(Action<RegionOptions> change)
    {
        var region = TestRegion.Load();
        change(region);
        return new RegionOptionsValidator().Validate(null, region).Failures?.ToList() ?? [];
    }

    [Fact]
    public void The_shipped_region_gives_every_kind_a_deadline_and_every_force_a_prefix()
    {
        var region = TestRegion.Load();
        Assert.All(AlertKinds.All, k => Assert.True(region.AlertDeadlines.ContainsKey(k), k));
        Assert.Equal(["DP", "NP"], region.PoliceForces.Select(f => f.ReferencePrefix));
    }

    [Fact]
    public void A_shared_or_malformed_prefix_and_a_deadline_of_nothing_are_refused()
    {
        Assert.Contains(Failures(r => r.PoliceForces[1].ReferencePrefix = "DP"), f => f.Contains("'DP'") && f.Contains("derbyshire-police and nottinghamshire-police"));
        Assert.Contains(Failures(r => r.PoliceForces[0].ReferencePrefix = "dp-1"), f => f.Contains("Region:PoliceForces:0:ReferencePrefix"));
        Assert.Contains(Failures(r => r.AlertDeadlines[AlertKinds.Found] = TimeSpan.Zero), f => f.Contains($"Region:AlertDeadlines:{AlertKinds.Found}"));
    }

    [Fact]
    public void The_forces_of_a_missing_child_are_the_hosts_and_the_placing_authoritys_each_once()
    {
        var region = new RegionDirectory(Microsoft.Extensions.Options.Options.Create(TestRegion.Load()));
        Assert.Equal(["derbyshire-police", "nottinghamshire-police"], region.ForcesCovering("derbyshire", "nottingham-city"));
        Assert.Equal(["derbyshire-police"], region.ForcesCovering("derbyshire", "derby-city"));
    }
}

public sealed class When_the_broker_settings_are_read
{
    private static Regional.Messaging.BrokerSettings Read(string? queueType, bool production) =>
        Regional.Messaging.BrokerSettings.From(
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["RabbitMq:Uri"] = "amqp://u:p@127.0.0.1:5999/region",
                ["RabbitMq:QueueType"] = queueType,
            }).Build(),
            production);

    [Fact]
    public void Quorum_queues_are_the_default_in_production_and_classic_elsewhere()
    {
        Assert.Equal(Regional.Messaging.QueueType.Quorum, Read(null, production: true).QueueType);
        Assert.Equal(Regional.Messaging.QueueType.Classic, Read(null, production: false).QueueType);
        Assert.Equal(Regional.Messaging.QueueType.Classic, Read("classic", production: true).QueueType);
        Assert.Equal(Regional.Messaging.QueueType.Quorum, Read("Quorum", production: false).QueueType);
    }

    [Fact]
    public void An_unknown_queue_type_stops_the_service_naming_the_setting()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Read("stream", production: false));
        Assert.Contains("RabbitMq:QueueType", refused.Message, StringComparison.Ordinal);
    }
}
