using System.Diagnostics;
using System.Text.RegularExpressions;
using Regional.IntegrationTests.Infrastructure;

namespace Regional.IntegrationTests.Features;

/// <summary>
/// The README's curl walk-through is the first thing a newcomer runs: it is taken from the README
/// as written and run against a region, twice in a row, and each run must tell the whole story.
/// </summary>
public sealed partial class When_a_newcomer_runs_the_readme_walk_through(PostgresRegion fixture) : IClassFixture<PostgresRegion>
{
    private static string WalkThrough()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Regional.sln")))
        {
            directory = directory.Parent;
        }

        var readme = File.ReadAllText(Path.Combine(directory!.FullName, "README.md"));
        var section = readme[readme.IndexOf("## The API, with curl", StringComparison.Ordinal)..];
        return ShellBlock().Match(section).Groups["script"].Value;
    }

    private async Task<(int ExitCode, string Output, string Errors)> Run(string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["G"] = fixture.Region.GatewayUrl.ToString().TrimEnd('/') },
        };
        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEndAsync();
        var errors = bash.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await bash.WaitForExitAsync(timeout.Token);
        return (bash.ExitCode, await output, await errors);
    }

    [Fact]
    public async Task It_runs_twice_in_a_row_as_written_and_tells_the_whole_story()
    {
        var script = WalkThrough();
        Assert.Contains("curl", script);

        for (var run = 1; run <= 2; run++)
        {
            var (exitCode, output, errors) = await Run(script);
            var because = $"run {run}:\n{output}\n{errors}";
            Assert.True(exitCode == 0, because);
            Assert.DoesNotContain("gave up", errors);
            Assert.DoesNotContain("null", Line(output, "placement "), StringComparison.Ordinal);
            Assert.Matches(@"\{""kind"":""placement-start"",""status"":""acknowledged"",""acknowledgedByRole"":""practitioner""\}", output);
            Assert.Contains("{\"recorded\":3}", output);
            Assert.Matches(@"case [0-9a-f-]{36}", output);
            Assert.Contains("\"aligned\":true", output);
            Assert.Contains("{\"type\":\"initial-strategy\",\"level\":\"high\"", output);
            Assert.Contains("{\"currentLevel\":\"high\"", output);
            Assert.Contains("{\"status\":\"closed\",\"reason\":\"risk-reduced\"}", output);
            Assert.Contains("\"notices\":[\"placement-start\",\"placement-end\"]", output);
            Assert.Contains("{\"purpose\":\"health\",\"basis\":null,\"reference\":null}", output);
            Assert.Contains("{\"purpose\":\"exploitation\",\"basis\":\"consent\",\"reference\":null}", output);
            Assert.Contains("practitioner override: 403", output);
            Assert.Contains("{\"purpose\":\"health\",\"basis\":\"safeguarding\",\"reference\":\"dpa-2018-sch1-para18\"}", output);
            Assert.Contains("{\"decisions\":[\"refusal\",\"consent\"],\"held\":[\"health/HostAuthority=safeguarding\",\"exploitation/HostAuthority=consent\"]}", output);
            Assert.Contains("occurredAt,kind,what,fields,from,counterpart,actorRole,basis,reference,correlationId,entryId,receivedAt", output);
            Assert.Contains("{\"health\":{\"conditions\":\"asthma\",\"medication\":null,\"allergies\":\"penicillin\"}}", output);
            Assert.Contains("{\"status\":422,\"missingBasis\":[{\"purpose\":\"health\",\"recipientType\":\"HostAuthority\"}]}", output);
            Assert.Contains("{\"intact\":true,\"firstBreak\":null}", output);
            Assert.Contains("{\"kind\":\"missing-from-placement\",\"status\":\"open\",\"from\":\"nottingham-city\",\"child\":\"Kai\"}", output);
            Assert.Contains("{\"kind\":\"missing-from-placement\",\"status\":\"acknowledged\",\"acknowledgedBy\":\"PC 1234\"}", output);
            Assert.Contains("derbyshire officer on the nottinghamshire inbox: 403", output);
            Assert.Contains("{\"seen\":true,\"next\":true}", output);
            Assert.Contains("{\"kind\":\"found\",\"foundWhere\":\"Matlock bus station\"}", output);
            Assert.Contains("{\"subject\":\"vehicle\",\"vehicleRegistration\":\"AB12 CDE\",\"force\":\"nottinghamshire-police\"}", output);
            Assert.Equal("403", output.TrimEnd().Split('\n')[^1]);
        }
    }

    private static string Line(string output, string prefix) =>
        output.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) ?? "null";

    [GeneratedRegex(@"```sh\n(?<script>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
