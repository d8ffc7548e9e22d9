using EfficiencyMisnomer.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

using EfficiencyMisnomer.Runtime.Inputs;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Runtime.Sessions;

/// <summary>
/// A session with its inputs and outputs bound once through an <see cref="OrtIoBinding"/>: outputs of
/// known shape are pre-allocated, so a run allocates nothing on the managed side.
/// </summary>
public sealed class BoundSession : IDisposable
{
    private static readonly System.Text.CompositeFormat OutputAllocated = System.Text.CompositeFormat.Parse("output '{0}' has no static shape; ONNX Runtime allocates it on every run");
    private readonly OrtIoBinding binding;
    private readonly RunOptions runOptions = new();
    private readonly List<OrtValue> outputs = new();

    public BoundSession(InferenceSession session, GeneratedInputs inputs, IReadOnlyDictionary<string, TensorType?> outputTypes)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputTypes);
        binding = session.CreateIoBinding();
        Session = session;
        foreach (var tensor in inputs.Tensors)
        {
            binding.BindInput(tensor.Name, tensor.Value);
        }

        var warnings = new List<Diagnostic>();
        foreach (var name in session.OutputNames)
        {
            var type = outputTypes.GetValueOrDefault(name);
            if (type is { Shape.IsFullyKnown: true } && type.ElementType != ElementType.String)
            {
                var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, (TensorElementType)(int)type.ElementType, type.Shape.ToSizes());
                outputs.Add(value);
                binding.BindOutput(name, value);
            }
            else
            {
                warnings.Add(Diagnostic.Warning(ErrorCodes.OutputNotPreallocated, UserText.Format(OutputAllocated, name)));
                binding.BindOutputToDevice(name, OrtMemoryInfo.DefaultInstance);
            }
        }

        Warnings = warnings;
    }

    public InferenceSession Session { get; }

    /// <summary>What binding could not pre-allocate.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; }

    /// <summary>Whether <see cref="Terminate"/> was called: every inference from then on fails with <c>EM3010</c>.</summary>
    public bool Terminated { get; private set; }

    /// <summary>The model file, for messages.</summary>
    public string ModelPath { get; init; } = string.Empty;

    /// <summary>One inference on the bound values; ONNX Runtime's failures become coded errors.</summary>
    public void Run()
    {
        try
        {
            Session.RunWithBinding(runOptions, binding);
        }
        catch (OnnxRuntimeException e)
        {
            throw RuntimeFailure.Of(e, ModelPath, Terminated);
        }
    }

    /// <summary>Stops the inference in flight and every later one (<see cref="Watchdog"/>).</summary>
    public void Terminate()
    {
        Terminated = true;
        runOptions.Terminate = true;
    }

    public void Dispose()
    {
        binding.Dispose();
        runOptions.Dispose();
        outputs.ForEach(o => o.Dispose());
    }
}
