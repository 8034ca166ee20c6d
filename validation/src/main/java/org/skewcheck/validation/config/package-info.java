/**
 * The run's configuration: an immutable value parsed once from YAML, and the prefix rules that map
 * a column name to its family.
 */
package org.skewcheck.validation.config;
