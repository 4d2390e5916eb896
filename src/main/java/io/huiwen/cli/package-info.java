/**
 * CLI: {@code java -jar huiwen.jar [serve|extract|import|reindex]}. The launcher parses the
 * command line, takes the data-directory lock and starts what the command needs. Top of the
 * dependency graph: it may use every other package.
 */
package io.huiwen.cli;
