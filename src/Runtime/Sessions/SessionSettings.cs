using EfficiencyMisnomer.Specs;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyMisnomer.Runtime.Sessions;

/// <summary>
/// The session options a measurement uses, explicit so the report can record them: thread counts,
/// sequential execution, every graph optimisation.
/// </summary>
/// <param name="IntraOpThreads">Threads inside one operator: the profile's <c>threads</c>, else the physical cores.</param>
/// <param name="InterOpThreads">Threads across operators; 1, as execution is sequential.</param>
public sealed record SessionSettings(int IntraOpThreads, int InterOpThreads)
{
    public ExecutionMode ExecutionMode { get; init; } = ExecutionMode.ORT_SEQUENTIAL;

    public GraphOptimizationLevel OptimizationLevel { get; init; } = GraphOptimizationLevel.ORT_ENABLE_ALL;

    /// <summary>The settings for a profile: its <c>threads</c> when declared, otherwise one thread per physical core.</summary>
    public static SessionSettings For(HardwareProfile? profile, int? threadsOverride = null) =>
        new(threadsOverride ?? profile?.Threads?.Value ?? PhysicalCores.Count, 1);

    public string OptimizationName => OptimizationLevel switch
    {
        GraphOptimizationLevel.ORT_DISABLE_ALL => "none",
        GraphOptimizationLevel.ORT_ENABLE_BASIC => "basic",
        GraphOptimizationLevel.ORT_ENABLE_EXTENDED => "extended",
        _ => "all",
    };

    public string ExecutionName => ExecutionMode == ExecutionMode.ORT_SEQUENTIAL ? "sequential" : "parallel";

    internal SessionOptions ToOptions(ProviderSelection provider)
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = IntraOpThreads,
            InterOpNumThreads = InterOpThreads,
            ExecutionMode = ExecutionMode,
            GraphOptimizationLevel = OptimizationLevel,
        };
        if (provider.Provider == ProviderSelection.Cuda)
        {
            options.AppendExecutionProvider_CUDA(0);
        }

        return options;
    }
}
