using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;
using CsCheck;

namespace AiContagion.Tests.Model;

/// <summary>
/// The builder never accepts an invalid network and never rejects a valid one: random networks in which each
/// entity, link and the metadata carry at most one defect from the catalogue below are built; the build succeeds
/// exactly when nothing is defective, and every defective item is named by a problem.
/// </summary>
[TestClass]
public sealed class FinancingNetworkBuilderPropertyTests
{
    /// <summary>What can be wrong with an entity (None: nothing).</summary>
    internal enum EntityDefect
    {
        None, EmptyId, BlankId, PaddedId, NullId, DuplicateId, NullName, UndefinedSector, NegativeFigure, NaNFigure, InfiniteFigure,
        ToleranceAboveOne, EmptyAttributeName, ReservedAttributeName, NullAttributeValue, NullAttributes, GrowthOfMinusOne,
    }

    /// <summary>What can be wrong with a link (None: nothing). Null attributes are refused by <see cref="Link"/> itself.</summary>
    internal enum LinkDefect
    {
        None, UnknownFrom, UnknownTo, EmptyFrom, NullFrom, NullTo, SelfLink, UndefinedKind, NegativeAmount, NaNAmount, InfiniteAmount,
        ZeroTerm, NegativeTerm, NaNTerm, ReservedAttributeName, NullAttributeValue,
        RateOnCommercial, MaturityBeforeStart, ScheduleNotSummingToAmount, ScheduleOutOfOrder, ScheduleWithTerm, LowAboveAmount,
        HighBelowAmount, NegativeLow, ShareAboveOne, ShareOnLoan, SeniorityOnEquity, CollateralNamingNoEntity, MaxLtvWithoutCollateral,
    }

    /// <summary>What can be wrong with the metadata (None: nothing).</summary>
    internal enum MetadataDefect
    {
        None, EmptyUnit, BlankUnit, AnnotationWithoutReason, NegativeAnnotationAmount,

        /// <summary>Two extra Equity links give the first entity's shareholders 120 % of its equity (a network-wide rule).</summary>
        SharesAboveOne,

        /// <summary>Two extra Equity links make entities 0 and 1 own 100 % of each other (a closed ownership group).</summary>
        ClosedOwnershipGroup,
    }

    private static readonly string[] Figures = ["cash", "revenue", "costs", "capital", "externalAssets", "externalLiabilities", "tolerance", "valuation"];

    // Mostly valid items, so that both outcomes are common: about a third of the networks are fully valid.
    private static readonly Gen<EntityDefect> EntityDefects = Gen.Frequency(
        (60, Gen.Const(EntityDefect.None)), (1, Gen.Enum<EntityDefect>()));

    private static readonly Gen<LinkDefect> LinkDefects = Gen.Frequency(
        (60, Gen.Const(LinkDefect.None)), (1, Gen.Enum<LinkDefect>()));

    private static readonly Gen<MetadataDefect> MetadataDefects = Gen.Frequency(
        (12, Gen.Const(MetadataDefect.None)), (1, Gen.Enum<MetadataDefect>()));

    private static readonly Gen<(Sector Sector, double?[] Figures, EntityDefect Defect, int Field, FieldGen.EntityExtras Extras)> EntitySpec =
        Gen.Select(Gen.Enum<Sector>(), Gen.Double[0, 100].Select(v => (double?)v).Array[Figures.Length], EntityDefects, Gen.Int[0, Figures.Length - 1], FieldGen.Entities);

    private static readonly Gen<(int From, int To, LinkKind Kind, double Amount, double? Term, LinkDefect Defect, FieldGen.LinkExtras Extras)> LinkSpec =
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, 6], Gen.Enum<LinkKind>(), Gen.Double[0, 1000],
            Gen.Frequency((2, Gen.Const((double?)null)), (1, Gen.Double[0.25, 30].Select(t => (double?)t))), LinkDefects, FieldGen.Links);

    private static readonly Gen<Case> Cases =
        from entityCount in Gen.Int[2, 8]
        from entities in EntitySpec.Array[entityCount]
        from links in LinkSpec.Array[0, 12]
        from metadata in MetadataDefects
        select new Case(entities, links, metadata);

    [TestMethod]
    public void Build_AcceptsExactlyTheNetworksWithoutDefects_AndNamesEveryDefect()
    {
        var valid = 0;
        var invalid = 0;
        Cases.Sample(c =>
        {
            var builder = c.ToBuilder(out var entities, out var links);
            var accepted = builder.TryBuild(out var network, out var problems);
            CollectionAssert.AreEqual(problems.ToArray(), builder.Validate().ToArray(), "Validate and TryBuild disagree");
            if (!c.HasDefect)
            {
                Assert.IsTrue(accepted, $"a valid network was rejected: {string.Join("; ", problems)}\n{c}");
                CollectionAssert.AreEqual(entities, network!.Entities.ToArray());
                CollectionAssert.AreEqual(links, network.Links.ToArray());
                Assert.AreEqual(network.EntityCount, network.Index.EntityCount);
                Assert.AreEqual(network.LinkCount, network.Index.LinkCount);
                Interlocked.Increment(ref valid);
                return;
            }

            Assert.IsFalse(accepted, $"an invalid network was accepted\n{c}");
            Assert.IsNull(network);
            var thrown = Assert.ThrowsExactly<NetworkValidationException>(() => builder.Build());
            CollectionAssert.AreEqual(problems.ToArray(), thrown.Problems.ToArray());
            for (var i = 0; i < c.Entities.Length; i++)
            {
                if (c.IsDefective(i))
                {
                    var id = entities[i].Id;
                    var named = problems.Any(p => p.Subject == $"entity #{i}" || (id is not null && p.Subject == $"entity '{id}'"));
                    Assert.IsTrue(named, $"entity #{i} ({c.Entities[i].Defect}) is not named by any problem: {string.Join("; ", problems)}\n{c}");
                }
            }

            for (var l = 0; l < c.Links.Length; l++)
            {
                if (c.Links[l].Defect != LinkDefect.None)
                {
                    Assert.IsTrue(
                        problems.Any(p => p.Subject?.StartsWith($"link #{l} ", StringComparison.Ordinal) == true),
                        $"link #{l} ({c.Links[l].Defect}) is not named by any problem: {string.Join("; ", problems)}\n{c}");
                }
            }

            if (c.Metadata is MetadataDefect.EmptyUnit or MetadataDefect.BlankUnit)
            {
                Assert.IsTrue(problems.Any(p => p.Subject == "network" && p.Field == "unit"), string.Join("; ", problems));
            }
            else if (c.Metadata == MetadataDefect.SharesAboveOne)
            {
                Assert.IsTrue(problems.Any(p => p.Field == "share" && p.Message.StartsWith($"the shares of '{Case.Id(0)}'", StringComparison.Ordinal)), string.Join("; ", problems));
            }
            else if (c.Metadata == MetadataDefect.ClosedOwnershipGroup)
            {
                Assert.IsTrue(problems.Any(p => p.Field == "share" && p.Message.Contains("a closed ownership group", StringComparison.Ordinal)), string.Join("; ", problems));
            }
            else if (c.Metadata != MetadataDefect.None)
            {
                Assert.IsTrue(problems.Any(p => p.Subject == "annotation #0"), string.Join("; ", problems));
            }

            Interlocked.Increment(ref invalid);
        }, iter: 2000);

        // Both outcomes must be well represented for the property to mean anything.
        Assert.IsGreaterThan(300, valid, $"only {valid} valid cases");
        Assert.IsGreaterThan(300, invalid, $"only {invalid} invalid cases");
    }

    internal sealed record Case(
        (Sector Sector, double?[] Figures, EntityDefect Defect, int Field, FieldGen.EntityExtras Extras)[] Entities,
        (int From, int To, LinkKind Kind, double Amount, double? Term, LinkDefect Defect, FieldGen.LinkExtras Extras)[] Links,
        MetadataDefect Metadata)
    {
        public bool HasDefect =>
            Metadata != MetadataDefect.None
            || Enumerable.Range(0, Entities.Length).Any(IsDefective)
            || Links.Any(l => l.Defect != LinkDefect.None);

        /// <summary>
        /// Whether entity i is defective. A DuplicateId copies entity 0's original id, so it is a defect only when an
        /// earlier entity still carries that id: entity 0 unless its own defect changed its id, or an earlier copy.
        /// </summary>
        public bool IsDefective(int i)
        {
            var defect = Entities[i].Defect;
            if (defect != EntityDefect.DuplicateId)
            {
                return defect != EntityDefect.None;
            }

            return Enumerable.Range(0, i).Any(j => j == 0
                ? Entities[0].Defect is not (EntityDefect.EmptyId or EntityDefect.BlankId or EntityDefect.PaddedId or EntityDefect.NullId)
                : Entities[j].Defect == EntityDefect.DuplicateId);
        }

        public FinancingNetworkBuilder ToBuilder(out Entity[] entities, out Link[] links)
        {
            var unit = Metadata switch
            {
                MetadataDefect.EmptyUnit => "",
                MetadataDefect.BlankUnit => " \t",
                _ => "USD bn",
            };
            var metadata = new NetworkMetadata { Unit = unit, AsOf = FieldGen.AsOf };
            if (Metadata == MetadataDefect.AnnotationWithoutReason)
            {
                metadata = metadata with { Annotations = [new Annotation(" ") { Amount = 3 }] };
            }
            else if (Metadata == MetadataDefect.NegativeAnnotationAmount)
            {
                metadata = metadata with { Annotations = [new Annotation("undisclosed split") { Amount = -3 }] };
            }

            var builder = FinancingNetwork.CreateBuilder().WithMetadata(metadata);
            entities = new Entity[Entities.Length];
            for (var i = 0; i < Entities.Length; i++)
            {
                entities[i] = MakeEntity(i);
                builder.AddEntity(entities[i]);
            }

            links = new Link[Links.Length];
            for (var l = 0; l < Links.Length; l++)
            {
                links[l] = MakeLink(l);
                builder.AddLink(links[l]);
            }

            if (Metadata == MetadataDefect.SharesAboveOne)
            {
                // Generated shares are at most 0.08 each; these two alone hold 120 % of entity 0.
                builder.AddLink(new Link(Id(1), Id(0), LinkKind.Equity, 1) { Share = 0.6 });
                builder.AddLink(new Link(Id(1), Id(0), LinkKind.Equity, 1) { Share = 0.6 });
            }
            else if (Metadata == MetadataDefect.ClosedOwnershipGroup)
            {
                builder.AddLink(new Link(Id(0), Id(1), LinkKind.Equity, 1) { Share = 1 });
                builder.AddLink(new Link(Id(1), Id(0), LinkKind.Equity, 1) { Share = 1 });
            }

            return builder;
        }

        public override string ToString() =>
            "entities: " + string.Join(", ", Entities.Select((e, i) => $"{i}:{e.Defect}"))
            + "; links: " + string.Join(", ", Links.Select((l, i) => $"{i}:{l.From}->{l.To} {l.Defect}"))
            + "; metadata: " + Metadata;

        private Entity MakeEntity(int i)
        {
            var (sector, figures, defect, field, extras) = Entities[i];
            var entity = extras.Apply(new Entity(Id(i), sector)
            {
                Cash = figures[0],
                Revenue = figures[1],
                Costs = figures[2],
                Capital = figures[3],
                ExternalAssets = figures[4],
                ExternalLiabilities = figures[5],
                Tolerance = figures[6] / 100,
                Valuation = figures[7],
            });
            return defect switch
            {
                EntityDefect.EmptyId => entity with { Id = "" },
                EntityDefect.BlankId => entity with { Id = "  " },
                EntityDefect.PaddedId => entity with { Id = " " + entity.Id },
                EntityDefect.NullId => entity with { Id = null! },
                EntityDefect.DuplicateId => entity with { Id = Id(0) },
                EntityDefect.NullName => entity with { Name = null! },
                EntityDefect.UndefinedSector => entity with { Sector = (Sector)999 },
                EntityDefect.NegativeFigure => WithFigure(entity, field, -1),
                EntityDefect.NaNFigure => WithFigure(entity, field, double.NaN),
                EntityDefect.InfiniteFigure => WithFigure(entity, field, double.PositiveInfinity),
                EntityDefect.ToleranceAboveOne => entity with { Tolerance = 1.5 },
                EntityDefect.EmptyAttributeName => entity with { Attributes = Attributes("", "x") },
                EntityDefect.ReservedAttributeName => entity with { Attributes = Attributes("Capital", "x") },
                EntityDefect.NullAttributeValue => entity with { Attributes = Attributes("country", null!) },
                EntityDefect.NullAttributes => entity with { Attributes = null! },
                EntityDefect.GrowthOfMinusOne => field % 2 == 0 ? entity with { RevenueGrowth = -1 } : entity with { CostsGrowth = -1 },
                _ => entity,
            };
        }

        private Link MakeLink(int l)
        {
            var (from, to, kind, amount, term, defect, extras) = Links[l];
            var count = Entities.Length;
            from %= count;
            to %= count - 1;
            if (to >= from)
            {
                to++;
            }

            var link = extras.Apply(new Link(Id(from), Id(to), kind, amount) { TermYears = term }, count, Id);
            var march = new CalendarMonth(2026, 3);
            var june = new CalendarMonth(2026, 6);
            return defect switch
            {
                LinkDefect.UnknownFrom => link with { From = "nobody" },
                LinkDefect.UnknownTo => link with { To = "nobody" },
                LinkDefect.EmptyFrom => link with { From = "" },
                LinkDefect.NullFrom => link with { From = null! },
                LinkDefect.NullTo => link with { To = null! },
                LinkDefect.SelfLink => link with { To = link.From },
                LinkDefect.UndefinedKind => link with { Kind = (LinkKind)99 },
                LinkDefect.NegativeAmount => link with { Amount = -amount - 1 },
                LinkDefect.NaNAmount => link with { Amount = double.NaN },
                LinkDefect.InfiniteAmount => link with { Amount = double.NegativeInfinity },
                LinkDefect.ZeroTerm => link with { TermYears = 0 },
                LinkDefect.NegativeTerm => link with { TermYears = -2 },
                LinkDefect.NaNTerm => link with { TermYears = double.NaN },
                LinkDefect.ReservedAttributeName => link with { Attributes = Attributes("amount", "x") },
                LinkDefect.NullAttributeValue => link with { Attributes = Attributes("contract", null!) },
                LinkDefect.RateOnCommercial => link with { Kind = LinkKind.ApiSpend, Rate = 0.05 },
                LinkDefect.MaturityBeforeStart => link with { Kind = LinkKind.Loan, Start = june, Maturity = march },
                LinkDefect.ScheduleNotSummingToAmount => link with { TermYears = null, Schedule = [new(march, amount + 1)] },
                LinkDefect.ScheduleOutOfOrder => link with { TermYears = null, Schedule = [new(june, amount / 2), new(march, amount / 2)] },
                LinkDefect.ScheduleWithTerm => link with { TermYears = 3, Schedule = [new(march, amount)] },
                LinkDefect.LowAboveAmount => link with { Low = amount + 1 },
                LinkDefect.HighBelowAmount => link with { Amount = amount + 1, High = amount },
                LinkDefect.NegativeLow => link with { Low = -1 },
                LinkDefect.ShareAboveOne => link with { Kind = LinkKind.Equity, Share = 1.25 },
                LinkDefect.ShareOnLoan => link with { Kind = LinkKind.Loan, Share = 0.01 },
                LinkDefect.SeniorityOnEquity => link with { Kind = LinkKind.Equity, Seniority = DebtSeniority.Senior },
                LinkDefect.CollateralNamingNoEntity => link with { Kind = LinkKind.Bond, Collateral = "nobody" },
                LinkDefect.MaxLtvWithoutCollateral => link with { Kind = LinkKind.CreditFacility, Collateral = null, MaxLtv = 0.5 },
                _ => link,
            };
        }

        // Ids that only the defect can make invalid: links to a defective entity still name a valid-looking id.
        public static string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"e{i}");

        private static ImmutableSortedDictionary<string, string> Attributes(string key, string value) =>
            ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add(key, value);

        private static Entity WithFigure(Entity entity, int field, double value) => field switch
        {
            0 => entity with { Cash = value },
            1 => entity with { Revenue = value },
            2 => entity with { Costs = value },
            3 => entity with { Capital = value },
            4 => entity with { ExternalAssets = value },
            5 => entity with { ExternalLiabilities = value },
            6 => entity with { Tolerance = value },
            _ => entity with { Valuation = value },
        };
    }
}
