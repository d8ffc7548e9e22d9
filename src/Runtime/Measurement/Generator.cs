using System.Diagnostics;
using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Runtime.Inputs;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyMisnomer.Runtime.Measurement;

/// <summary>
/// One model's generation, prepared once: the inputs of every decode step other than the cache (ids of one token, the
/// mask over the positions so far, position ids counting on; inputs that do not change keep the prefill's tensor), and
/// which <c>present</c> output feeds which <c>past</c> input. <see cref="Once"/> generates and times.
/// </summary>
public sealed class Generator : IDisposable
{
    private readonly InferenceSession session;
    private readonly GeneratedInputs prefill;
    private readonly string[] inputs;
    private readonly string[] outputs;
    private readonly Dictionary<string, int> feedback;
    private readonly List<Dictionary<string, OrtValue>> steps;

    /// <param name="measured">The case, its bindings the prefill's (<see cref="Generation.Step"/>).</param>
    /// <param name="plan">The prompt and the tokens to generate.</param>
    /// <param name="session">The model's session.</param>
    /// <param name="bound">The prefill's resolved inputs (fills and batch).</param>
    /// <param name="prefill">The prefill's input tensors.</param>
    public Generator(MeasurementCase measured, Generation plan, InferenceSession session, BoundInputs bound, GeneratedInputs prefill)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(bound);
        ArgumentNullException.ThrowIfNull(prefill);
        this.session = session;
        this.prefill = prefill;
        Plan = plan;
        Batch = bound.Batch;
        ModelPath = measured.Model.Path;
        outputs = session.OutputMetadata.Keys.ToArray();
        inputs = prefill.Tensors.Select(t => t.Name).ToArray();
        feedback = outputs
            .Where(o => o.StartsWith(plan.PresentPrefix, StringComparison.Ordinal))
            .Select(o => (Present: o, Past: plan.PastPrefix + o[plan.PresentPrefix.Length..]))
            .Where(p => inputs.Contains(p.Past, StringComparer.Ordinal))
            .ToDictionary(p => p.Past, p => Array.IndexOf(outputs, p.Present), StringComparer.Ordinal);
        steps = Steps(measured, plan, bound, prefill, feedback.Keys);
    }

    /// <summary>The generation it times.</summary>
    public Generation Plan { get; }

    /// <summary>Sequences generated at once.</summary>
    public int Batch { get; }

    /// <summary>The model file, for messages.</summary>
    public string ModelPath { get; }

    /// <summary>
    /// One generation: the prefill's time and the mean time of the decode steps, in milliseconds. Only the runs are
    /// timed. ONNX Runtime's failures are coded errors; one stopped by <paramref name="watchdog"/> is <c>EM3010</c>.
    /// </summary>
    public (double FirstToken, double PerToken) Once(RunOptions runOptions, Watchdog watchdog)
    {
        ArgumentNullException.ThrowIfNull(runOptions);
        ArgumentNullException.ThrowIfNull(watchdog);
        try
        {
            return Generate(runOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw RuntimeFailure.Of(e, ModelPath, watchdog.Fired);
        }
    }

    public void Dispose()
    {
        foreach (var step in steps)
        {
            foreach (var value in step.Values)
            {
                value.Dispose();
            }
        }
    }

    private (double FirstToken, double PerToken) Generate(RunOptions runOptions)
    {
        var values = prefill.Tensors.Select(t => t.Value).ToArray();
        var start = Stopwatch.GetTimestamp();
        var previous = session.Run(runOptions, inputs, values, outputs);
        var firstToken = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        double decoding = 0;
        try
        {
            foreach (var step in steps)
            {
                var fed = inputs.Select((name, i) => feedback.TryGetValue(name, out var output) ? previous[output]
                    : step.TryGetValue(name, out var value) ? value : values[i]).ToArray();
                var before = Stopwatch.GetTimestamp();
                var next = session.Run(runOptions, inputs, fed, outputs);
                decoding += Stopwatch.GetElapsedTime(before).TotalMilliseconds;
                previous.Dispose();
                previous = next;
            }
        }
        finally
        {
            previous.Dispose();
        }

        return (firstToken, steps.Count == 0 ? 0 : decoding / steps.Count);
    }

    private static List<Dictionary<string, OrtValue>> Steps(MeasurementCase measured, Generation generation, BoundInputs bound, GeneratedInputs prefill,
        IEnumerable<string> caches)
    {
        var cached = caches.ToHashSet(StringComparer.Ordinal);
        var steps = new List<Dictionary<string, OrtValue>>();
        try
        {
            for (long i = 0; i < generation.NewTokens; i++)
            {
                var past = generation.Prompt + i;
                var shapes = generation.Step(measured.Model, measured.SpecBindings ?? measured.Bindings, 1, past);
                var step = new Dictionary<string, OrtValue>(StringComparer.Ordinal);
                steps.Add(step);
                foreach (var tensor in prefill.Tensors.Where(t => !cached.Contains(t.Name) && shapes.Inputs.ContainsKey(t.Name)))
                {
                    var sizes = shapes.Inputs[tensor.Name];
                    var fill = tensor.Name.Contains("position_id", StringComparison.OrdinalIgnoreCase) ? InputFill.Constant(past, "position ids")
                        : bound.Fills.GetValueOrDefault(tensor.Name) ?? InputFill.Constant(0, "ids");
                    var type = new TensorType(tensor.Type.ElementType, TensorShape.Of(sizes));
                    step[tensor.Name] = TensorFiller.Create(tensor.Name, type, fill, measured.Inputs, new Random(unchecked(measured.Inputs.Seed + (int)i)));
                }
            }
        }
        catch
        {
            steps.ForEach(s => s.Values.ToList().ForEach(v => v.Dispose()));
            throw;
        }

        return steps;
    }
}
