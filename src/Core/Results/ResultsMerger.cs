using System.Globalization;
using System.Text;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Results;

/// <summary>
/// Unites results documents, typically of the same specs run on several machines, into one: machines by id,
/// specs by name, models by name; runtime entries are concatenated (each names its machine; a later one of the same
/// machine, profile and batch replaces an earlier one), verdicts united,
/// static indicators taken once. Static values do not depend on the machine, so two documents that give the
/// same model different static values describe different models: that is <see cref="ErrorCodes.ResultsConflict"/>.
/// </summary>
public static class ResultsMerger
{
    private const string Conflict = "{0}: spec '{1}', model '{2}': static {3} is {4} here but {5} in {6}; static values do not depend on the machine, so these documents describe different model files. Merge results of the same models";

    private static readonly CompositeFormat ConflictFormat = CompositeFormat.Parse(Conflict);

    /// <summary>Merges <paramref name="documents"/> in order; the first document's order of specs, models and indicators is kept.</summary>
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
        var machines = new List<MachineResults>();
        var specs = new List<SpecBuilder>();
        for (int i = 0; i < documents.Count; i++)
        {
            machines.AddRange(documents[i].Machines.Where(m => machines.All(known => known.Id != m.Id)));
            foreach (var spec in documents[i].Specs)
            {
                var builder = specs.FirstOrDefault(s => s.First.Name == spec.Name);
                if (builder is null)
                {
                    specs.Add(builder = new SpecBuilder(spec));
                }

                builder.Add(spec, sources[i]);
            }
        }

        return new EfficiencyResults(documents.Max(d => d.Created), machines, specs.Select(s => s.Build()).ToList());
    }

    /// <summary>One spec being merged: its first appearance fixes name, path and mode.</summary>
    private sealed class SpecBuilder(SpecResults first)
    {
        private readonly List<ModelBuilder> models = new();

        public SpecResults First { get; } = first;

        public void Add(SpecResults spec, string source)
        {
            foreach (var model in spec.Models)
            {
                var builder = models.FirstOrDefault(m => m.Name == model.Name);
                if (builder is null)
                {
                    models.Add(new ModelBuilder(model, source));
                }
                else
                {
                    builder.Add(spec.Name, model, source);
                }
            }
        }

        public SpecResults Build() => First with { Models = models.Select(m => m.Build()).ToList() };
    }

    /// <summary>One model being merged.</summary>
    private sealed class ModelBuilder(ModelResults first, string firstSource)
    {
        private readonly Dictionary<string, double> quality = new(first.Quality, StringComparer.Ordinal);
        private readonly List<IndicatorResult> statics = first.Static.ToList();
        private readonly Dictionary<string, string> staticSources = first.Static.ToDictionary(s => s.Name, _ => firstSource, StringComparer.Ordinal);
        private readonly List<RuntimeResults> runtime = first.Runtime.ToList();
        private readonly List<VerdictResult> verdicts = first.Verdicts.Distinct().ToList();

        public string Name => first.Name;

        public void Add(string spec, ModelResults model, string source)
        {
            foreach (var (name, value) in model.Quality)
            {
                quality.TryAdd(name, value);
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
                    throw new EfficiencyException(ErrorCodes.ResultsConflict, string.Format(CultureInfo.InvariantCulture, ConflictFormat,
                        source, spec, Name, indicator.Name, Number(value), Number(known), staticSources[indicator.Name]));
                }
            }

            foreach (var measured in model.Runtime)
            {
                // A later measurement of the same machine, profile and batch (a re-run) replaces the earlier one.
                runtime.RemoveAll(r => r.Machine == measured.Machine && r.Profile == measured.Profile && r.Batch == measured.Batch);
                runtime.Add(measured);
            }

            verdicts.AddRange(model.Verdicts.Where(v => !verdicts.Contains(v)));
        }

        public ModelResults Build() => first with { Quality = quality, Static = statics, Runtime = runtime, Verdicts = verdicts };

        /// <summary>Equal, allowing for the last bits of a value computed by another build of the tool.</summary>
        private static bool Same(double a, double b) => a == b || Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Abs(a), Math.Abs(b));

        private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
