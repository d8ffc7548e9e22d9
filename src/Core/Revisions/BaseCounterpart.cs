using EfficiencyMisnomer.CostModel;

namespace EfficiencyMisnomer.Revisions;

/// <summary>A head model's counterpart at the base revision, with its static report when it changed and could be analysed.</summary>
/// <param name="Revision">The base revision.</param>
/// <param name="Model">The counterpart: changed, unchanged or new.</param>
/// <param name="Report">The base model's static indicators at the head's bindings; null unless changed.</param>
public sealed record BaseCounterpart(BaseRevision Revision, BaseModel Model, StaticReport? Report);
