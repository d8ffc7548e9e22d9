using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Runtime.Sessions;

/// <summary>Turns a <see cref="ProviderRequest"/> into the provider a session will use, never throwing for a missing GPU.</summary>
public sealed class ProviderSelector
{
    private static readonly System.Text.CompositeFormat CudaUnavailable = System.Text.CompositeFormat.Parse("CUDA unavailable: {0}. Run with --provider cpu or auto, or install the CUDA and cuDNN libraries ONNX Runtime needs.");
    private readonly ICudaProbe probe;

    public ProviderSelector(ICudaProbe? probe = null) => this.probe = probe ?? OnnxRuntimeCudaProbe.Instance;

    public ProviderSelection Select(ProviderRequest request)
    {
        if (request == ProviderRequest.Cpu)
        {
            return new ProviderSelection(ProviderSelection.Cpu, "requested");
        }

        var cuda = probe.Probe();
        if (cuda.Available)
        {
            return new ProviderSelection(ProviderSelection.Cuda, request == ProviderRequest.Cuda ? "requested" : $"auto: {cuda.Reason}");
        }

        if (request == ProviderRequest.Auto)
        {
            return new ProviderSelection(ProviderSelection.Cpu, $"auto: CUDA unavailable ({cuda.Reason})");
        }

        var message = UserText.Format(CudaUnavailable, cuda.Reason.TrimEnd('.'));
        return new ProviderSelection(ProviderSelection.Cuda, cuda.Reason, Diagnostic.Error(ErrorCodes.CudaUnavailable, message, null));
    }
}
