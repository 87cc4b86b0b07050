using System.Net.Http.Headers;
using System.Text.Json;
using Regional.Api.Placements;

namespace Regional.Benchmarks;

/// <summary>Realistic placement requests (about 500 bytes of JSON), each with its own local id.</summary>
public static class Bodies
{
    public static RecordPlacementRequest Placement(string host, int n, string prefix = "BENCH") => new(
        new ChildRequest($"{prefix}-{n:D7}", "Alex", "Benchmark-Example", new DateOnly(2011, 6, 1), "9434765919", "not-known", "Not stated"),
        "C2",
        "foster-care",
        DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-(n % 1500))),
        new AddressRequest("10 Example Street", null, "Chesterfield", "S40 1AA"),
        host,
        false);

    /// <summary>
    /// The same request as a fixed body, for the comparisons that measure a hop (direct, bare YARP,
    /// gateway) and so must send byte-identical requests down every path.
    /// </summary>
    public static ByteArrayContent Json<T>(T request)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, JsonSerializerOptions.Web));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
