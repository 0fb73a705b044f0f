// A command's stdout and stderr are the invocation's (Program.Run sets them; tests pass their own),
// never process-wide statics.
using System.CommandLine;

namespace OpsKit;

/// <summary>The writers of the invocation a parse result belongs to.</summary>
internal static class InvocationWriters
{
    extension(ParseResult parse)
    {
        /// <summary>Where results go.</summary>
        public TextWriter Out => parse.InvocationConfiguration.Output;

        /// <summary>Where diagnostics go.</summary>
        public TextWriter Error => parse.InvocationConfiguration.Error;
    }
}
