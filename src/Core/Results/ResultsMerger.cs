using System.Globalization;
using System.Text;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Results;

/// <summary>
/// Unites results documents, typically of the same specs run on several machines, into one: machines by id,
/// specs by name, models by name; runtime entries are concatenated (each names its machine; a newer one of the same
/// machine, profile and batch replaces an older one), verdicts united, static indicators taken once. Static values do
/// not depend on the machine, so two documents that give the same model different static values describe different
/// models: that is <see cref="ErrorCodes.ResultsConflict"/>.
/// </summary>
/// <remarks>
/// The result does not depend on the order the documents are given in: they are merged oldest first (by
/// <c>created</c>; documents created at the same instant by their content), so "newer wins" decides every
/// duplicate (a machine's description, a spec's path and mode, a quality metric, a re-run measurement), and the
/// order of specs, models and verdicts is that of the oldest document, then what newer ones add.
/// </remarks>
public static class ResultsMerger
{
    private const string Conflict = "{0}: spec '{1}', model '{2}': static {3} is {4} here but {5} in {6}; static values do not depend on the machine, so these documents describe different model files. Merge results of the same models";

    private static readonly CompositeFormat ConflictFormat = CompositeFormat.Parse(Conflict);

    /// <summary>Merges <paramref name="documents"/>, whatever their order.</summary>
    /// <param name="documents">The documents, at least one.</param>
    /// <param name="sources">Their file names, for messages; defaults to "document 1", "document 2", ...</param>
    public static EfficiencyResults Merge(IReadOnlyList<EfficiencyResults> documents, IReadOnlyList<string>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
        {
            throw new ArgumentException("at least one document is needed", nameof(documents));
        }

        sources ??= documents.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"document {i + 1}")).ToList();
        var ordered = OldestFirst(documents, sources);
        var machines = new List<MachineResults>();
        var specs = new List<SpecBuilder>();
        foreach (var (document, source) in ordered)
        {
            foreach (var machine in document.Machines)
            {
                var known = machines.FindIndex(m => m.Id == machine.Id);
                if (known < 0)
                {
                    machines.Add(machine);
                }
                else
                {
                    machines[known] = machine; // the newer description of the same fingerprint
                }
            }

            foreach (var spec in document.Specs)
            {
                var builder = specs.FirstOrDefault(s => s.Name == spec.Name);
                if (builder is null)
                {
                    specs.Add(builder = new SpecBuilder(spec));
                }

                builder.Add(spec, UserText.Quote(source));
            }
        }

        return new EfficiencyResults(documents.Max(d => d.Created), machines, specs.Select(s => s.Build()).ToList())
        {
            Commit = documents.MaxBy(d => d.Created)!.Commit,
        };
    }

    /// <summary>
    /// The documents oldest first; documents created at the same instant in the order of their JSON text, so that
    /// the same set of documents is always merged in the same order.
    /// </summary>
    private static List<(EfficiencyResults Document, string Source)> OldestFirst(IReadOnlyList<EfficiencyResults> documents, IReadOnlyList<string> sources)
    {
        var texts = new Dictionary<EfficiencyResults, string>(ReferenceEqualityComparer.Instance);
        string Text(EfficiencyResults document) => texts.TryGetValue(document, out var text) ? text : texts[document] = ResultsJson.Write(document);
        var pairs = documents.Select((d, i) => (Document: d, Source: i < sources.Count ? sources[i] : string.Create(CultureInfo.InvariantCulture, $"document {i + 1}"))).ToList();
        pairs.Sort((a, b) =>
        {
            var byTime = a.Document.Created.CompareTo(b.Document.Created);
            return byTime != 0 || ReferenceEquals(a.Document, b.Document) ? byTime : string.CompareOrdinal(Text(a.Document), Text(b.Document));
        });
        return pairs;
    }

    /// <summary>One spec being merged: its oldest appearance fixes its place; the newest its path and mode.</summary>
    private sealed class SpecBuilder(SpecResults oldest)
    {
        private readonly List<ModelBuilder> models = new();
        private SpecResults latest = oldest;

        public string Name { get; } = oldest.Name;

        public void Add(SpecResults spec, string source)
        {
            latest = spec;
            foreach (var model in spec.Models)
            {
                var builder = models.FirstOrDefault(m => m.Name == model.Name);
                if (builder is null)
                {
                    models.Add(builder = new ModelBuilder(model));
                }

                builder.Add(spec.Name, model, source);
            }
        }

        public SpecResults Build() => latest with { Models = models.Select(m => m.Build()).ToList() };
    }

    /// <summary>One model being merged: static values must agree; for everything else the newer document wins.</summary>
    private sealed class ModelBuilder(ModelResults oldest)
    {
        private readonly Dictionary<string, double> quality = new(StringComparer.Ordinal);
        private readonly List<IndicatorResult> statics = new();
        private readonly Dictionary<string, string> staticSources = new(StringComparer.Ordinal);
        private readonly List<RuntimeResults> runtime = new();
        private readonly List<VerdictResult> verdicts = new();
        private ModelResults latest = oldest;

        public string Name { get; } = oldest.Name;

        public void Add(string spec, ModelResults model, string source)
        {
            latest = model;
            foreach (var (name, value) in model.Quality)
            {
                quality[name] = value; // the newer spec's figure
            }

            foreach (var indicator in model.Static)
            {
                var index = statics.FindIndex(s => s.Name == indicator.Name);
                if (index < 0)
                {
                    statics.Add(indicator);
                    staticSources[indicator.Name] = source;
                }
                else if (statics[index].Value is not { } known)
                {
                    statics[index] = indicator; // an unavailable value yields to an available one
                    staticSources[indicator.Name] = source;
                }
                else if (indicator.Value is { } value && !Same(known, value))
                {
                    throw new EfficiencyException(ErrorCodes.ResultsConflict, UserText.Format(ConflictFormat,
                        source, UserText.Quote(spec), UserText.Quote(Name), UserText.Quote(indicator.Name), Number(value), Number(known), staticSources[indicator.Name]));
                }
            }

            foreach (var measured in model.Runtime)
            {
                // A newer measurement of the same machine, profile and batch (a re-run) replaces the older one.
                runtime.RemoveAll(r => r.Machine == measured.Machine && r.Profile == measured.Profile && r.Batch == measured.Batch);
                runtime.Add(measured);
            }

            verdicts.AddRange(model.Verdicts.Where(v => !verdicts.Contains(v)));
        }

        public ModelResults Build() => latest with { Quality = quality, Static = statics, Runtime = runtime, Verdicts = verdicts };

        /// <summary>Equal, allowing for the last bits of a value computed by another build of the tool.</summary>
        private static bool Same(double a, double b) => a == b || Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Abs(a), Math.Abs(b));

        private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
