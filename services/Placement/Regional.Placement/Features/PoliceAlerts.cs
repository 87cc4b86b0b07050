using MassTransit;
using Regional.Contracts.Alerts.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;
using Regional.Region;

namespace Regional.Placement.Features;

/// <summary>
/// The forces a missing episode concerns: the one covering the area the child is missing from (the
/// placement's host) and the one covering the placing authority, each once. Alerts go in the same
/// unit of work as the episode, so a committed report cannot leave a force untold.
/// </summary>
internal static class PoliceAlerts
{
    public static IReadOnlyList<string> ForcesFor(RegionDirectory region, Domain.Placement placement, string placingAuthority) =>
        region.ForcesCovering(placement.HostAuthority, placingAuthority);

    public static void MissingFromPlacement(
        CrossBorderOutbox outbox, PlacementDbContext db, RegionDirectory region, string self, Domain.Placement placement, MissingEpisode episode, DateTimeOffset now)
    {
        foreach (var force in ForcesFor(region, placement, self))
        {
            outbox.Send(db, new MissingFromPlacementAlert(
                NewId.NextSequentialGuid(), self, force, self, episode.Id, episode.ChildLocalId, Child(placement), placement.HostAuthority,
                new AlertAddress(placement.Address.Line1, placement.Address.Line2, placement.Address.Town, placement.Address.Postcode),
                episode.MissingSince, episode.Description, episode.PhotoReference, episode.RiskAssessedLocations, episode.Associates,
                episode.Phone, episode.RiskLevel, episode.LastSeenAt, episode.EpisodeNumberInWindow, episode.Repeat,
                placement.LegalStatus, placement.ExploitationRisks, now));
        }
    }

    public static void Found(
        CrossBorderOutbox outbox, PlacementDbContext db, RegionDirectory region, string self, Domain.Placement placement, MissingEpisode episode, DateTimeOffset now)
    {
        foreach (var force in ForcesFor(region, placement, self))
        {
            outbox.Send(db, new ChildFoundAlert(
                NewId.NextSequentialGuid(), self, force, self, episode.Id, episode.ChildLocalId, Child(placement), episode.MissingSince,
                episode.ReturnedAt!.Value, episode.FoundWhere!, episode.FoundBy!, now));
        }
    }

    private static AlertChild Child(Domain.Placement placement) => new(
        placement.Child.LocalId, placement.Child.GivenName, placement.Child.FamilyName, placement.Child.DateOfBirth,
        placement.Child.Gender, placement.Child.NhsNumber, placement.Child.Ethnicity);
}
