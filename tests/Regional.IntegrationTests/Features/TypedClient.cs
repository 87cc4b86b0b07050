using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Regional.Client;
using Regional.IntegrationTests.Infrastructure;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features;

/// <summary>
/// A case system calls the region the way an integrator would: only Regional.Client, registered
/// with <see cref="RegionalClientExtensions.AddRegionalClient"/> against the gateway, with its own
/// token source. Nottingham City's case system signs in with client credentials; Derbyshire's
/// practitioner with the dev sign-in.
/// </summary>
public sealed class When_a_case_system_uses_the_typed_client(PostgresRegion fixture) : IClassFixture<PostgresRegion>
{
    [Fact]
    public async Task It_records_a_placement_and_reads_it_back_with_its_etag()
    {
        await using var nottinghamApp = App(ClientCredentials("nottingham-city-case-system", "dev-secret"));
        await using var derbyshireApp = App(DevSignIn("derbyshire.practitioner"));
        var nottingham = nottinghamApp.GetRequiredService<IPlacementsApi>();
        var derbyshire = derbyshireApp.GetRequiredService<IPlacementsApi>();

        var recorded = await nottingham.RecordPlacement("nottingham-city", Placement($"NC-{Guid.NewGuid():N}"[..12]));
        var id = Ok(recorded, HttpStatusCode.Created).Id;
        Assert.Equal($"/nottingham-city/placements/{id}", recorded.Headers?.Location?.OriginalString);

        var read = await nottingham.GetPlacement("nottingham-city", id);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var tag = read.Headers?.ETag?.Tag;
        Assert.NotNull(tag);
        Assert.Equal(recorded.Content!.Child, read.Content!.Child);
        Assert.Equal(new DateOnly(2013, 4, 17), read.Content.Child.DateOfBirth);

        var entry = await Eventually.Until(
            () => derbyshire.GetRegisterEntry("derbyshire", id), r => r.StatusCode == HttpStatusCode.OK, what: "the register entry");
        Assert.True(entry.Content!.AwaitingAcknowledgement);
        Assert.Contains(Ok(await derbyshire.ListRegister("derbyshire", awaitingAcknowledgement: true)), e => e.PlacementId == id);
        var acknowledged = await derbyshire.AcknowledgeNotices("derbyshire", id);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.False(acknowledged.Content!.AwaitingAcknowledgement);

        var end = new EndPlacementRequest(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), "returned-home");
        // Acknowledgements are not a person's edit of the placement, so the tag read above is still
        // current; a tag the placement has never had stands in for a copy someone else changed.
        var stale = await nottingham.EndPlacement("nottingham-city", id, end, ifMatch: "\"999\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(tag, stale.Headers?.ETag?.Tag);
        Assert.Null(Ok(await nottingham.GetPlacement("nottingham-city", id)).EndDate);

        var ended = await nottingham.EndPlacement("nottingham-city", id, end, ifMatch: tag);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(end.EndDate, ended.Content!.EndDate);
        Assert.Equal("returned-home", ended.Content.EndReason);
        Assert.NotNull(ended.Headers?.ETag);
        Assert.Contains(ended.Content.Notifications, n => n.Kind == "placement-end");
    }

    private ServiceProvider App(Func<CancellationToken, Task<string>> token) =>
        new ServiceCollection().AddRegionalClient(fixture.Region.GatewayUrl, token).BuildServiceProvider();

    private static RecordPlacementRequest Placement(string localId) => new(
        new ChildRequest(localId, "Jordan", "Ashworth-Example", new DateOnly(2013, 4, 17), "943 476 5919", "male", "White British"),
        "C2",
        "childrens-home",
        DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)),
        new AddressRequest("Example House, 1 Station Road", null, "Matlock", "DE4 3AG"),
        "derbyshire",
        false);

    private Func<CancellationToken, Task<string>> ClientCredentials(string clientId, string secret) => async cancellationToken =>
    {
        using var anonymous = fixture.Anonymous();
        var response = await anonymous.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }), cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(cancellationToken))!["access_token"].ToString()!;
    };

    private Func<CancellationToken, Task<string>> DevSignIn(string userName) => async cancellationToken =>
    {
        using var anonymous = fixture.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/identity/dev/sign-in", new { userName }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(cancellationToken))!["access_token"].ToString()!;
    };
}
