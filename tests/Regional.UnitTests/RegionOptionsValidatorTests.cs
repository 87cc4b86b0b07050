using Regional.Region;

namespace Regional.UnitTests;

public sealed class When_the_region_configuration_is_validated
{
    private static IReadOnlyList<string> Failures(Action<RegionOptions> change)
    {
        var region = TestRegion.Load();
        change(region);
        var result = new RegionOptionsValidator().Validate(null, region);
        return result.Failures?.ToList() ?? [];
    }

    [Fact]
    public void The_shipped_region_is_valid()
    {
        Assert.Empty(Failures(_ => { }));
    }

    [Fact]
    public void The_shipped_region_has_the_four_authorities_and_two_forces()
    {
        var region = TestRegion.Load();
        Assert.Equal(["derby-city", "derbyshire", "nottingham-city", "nottinghamshire"], region.Authorities.Select(a => a.Id));
        Assert.Equal(["derby-city", "derbyshire"], region.PoliceForces.Single(f => f.Id == "derbyshire-police").Covers);
        Assert.Equal(["nottingham-city", "nottinghamshire"], region.PoliceForces.Single(f => f.Id == "nottinghamshire-police").Covers);
    }

    [Fact]
    public void A_duplicate_authority_id_is_refused()
    {
        var failures = Failures(r => r.Authorities.Add(new AuthorityOptions { Id = "derbyshire", Name = "Again" }));
        Assert.Contains(failures, f => f.Contains("Region:Authorities:4:Id") && f.Contains("used twice"));
    }

    [Fact]
    public void An_id_that_cannot_name_a_queue_is_refused()
    {
        Assert.Contains(Failures(r => r.Authorities[0].Id = "Derby City"), f => f.Contains("Region:Authorities:0:Id"));
    }

    [Fact]
    public void A_force_covering_an_unknown_authority_is_refused()
    {
        Assert.Contains(Failures(r => r.PoliceForces[0].Covers.Add("leicester")), f => f.Contains("'leicester'"));
    }

    [Fact]
    public void An_authority_covered_by_two_forces_is_refused()
    {
        Assert.Contains(Failures(r => r.PoliceForces[1].Covers.Add("derby-city")), f => f.Contains("already covered by 'derbyshire-police'"));
    }

    [Fact]
    public void A_region_without_authorities_is_refused()
    {
        Assert.Contains(Failures(r => { r.Authorities.Clear(); r.PoliceForces.Clear(); }), f => f.Contains("at least one authority"));
    }

    [Fact]
    public void Impossible_service_levels_are_refused()
    {
        var failures = Failures(r => r.ServiceLevels.AcknowledgementWorkingDays = 0);
        Assert.Contains(failures, f => f.Contains("AcknowledgementWorkingDays"));
    }

    [Fact]
    public void A_bank_holiday_on_a_weekend_or_twice_is_refused()
    {
        Assert.Contains(Failures(r => r.BankHolidays.Add(new DateOnly(2026, 11, 21))), f => f.Contains("must be weekdays"));
        Assert.Contains(Failures(r => r.BankHolidays.Add(new DateOnly(2026, 12, 25))), f => f.Contains("twice"));
    }

    [Fact]
    public void An_unknown_time_zone_is_refused()
    {
        Assert.Contains(Failures(r => r.TimeZone = "Mars/Olympus"), f => f.Contains("Region:TimeZone"));
    }

    [Fact]
    public void A_resource_owned_by_two_services_is_refused()
    {
        var failures = Failures(r => r.Services[1].Resources.Add("placements"));
        Assert.Contains(failures, f => f.Contains("Region:Services:1:Resources") && f.Contains("already owned by 'placement'"));
    }

    [Fact]
    public void A_body_limit_outside_the_services_resources_is_refused()
    {
        var failures = Failures(r => r.Services[1].BodyLimits["placements/batch"] = 1024 * 1024);
        Assert.Contains(failures, f => f.Contains("Region:Services:1:BodyLimits") && f.Contains("placements/batch"));
    }

    [Fact]
    public void A_region_without_services_is_refused()
    {
        Assert.Contains(Failures(r => r.Services.Clear()), f => f.Contains("Region:Services"));
    }

    [Fact]
    public void The_gateway_admits_a_backfill_batch_as_large_as_the_placement_service_accepts()
    {
        var declared = TestRegion.Load().Services.Single(s => s.Name == "placement").BodyLimits["placements/batch"];
        Assert.Equal(Regional.Placement.Features.RecordPlacementsHandler.MaxBatchBodyBytes, declared);
    }
}
