namespace EfficiencyMisnomer.Runtime.Sessions;

/// <summary>Tells whether the CUDA provider can run here; behind an interface so tests can fake either answer.</summary>
public interface ICudaProbe
{
    CudaProbeResult Probe();
}

/// <summary>Whether CUDA can run, and why not when it cannot (the loader's own message).</summary>
public sealed record CudaProbeResult(bool Available, string Reason)
{
    public static CudaProbeResult Present(string reason) => new(true, reason);

    public static CudaProbeResult Absent(string reason) => new(false, reason);
}
