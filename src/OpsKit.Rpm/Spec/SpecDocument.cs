// Everything that goes into one generated spec.
using OpsKit.Rpm.Source;

namespace OpsKit.Rpm.Spec;

/// <summary>The inputs of the spec writer.</summary>
/// <param name="Source">The inspected source.</param>
/// <param name="Recipe">The build recipe.</param>
/// <param name="Files">Probe results, or null when no probe build was made.</param>
/// <param name="Target">Target distribution.</param>
/// <param name="Packager">Changelog identity "Name &lt;mail&gt;".</param>
/// <param name="Date">Changelog date.</param>
public sealed record SpecDocument(Inspection Source, Recipe Recipe, FilesPlan? Files, Target Target, string Packager, DateOnly Date);
