export { runEngine, deriveDomainModel, declaredStack } from './run.js';
export { Engine, formatOf, type EngineOptions, type DerivedModel } from './engine/engine.js';
export { ENGINE_PHASES, type EnginePhase, type PhaseListener } from './engine/phases.js';
export type { EngineConfig, EngineHooks, ParseRequest, DeriveContext, PlanContext, PreviousRun, EmitSummary, EmittedFile } from './engine/hooks.js';
export type { InfraStackPlugin, PluginApi, Tappable, TapOnly, ExposableHook } from './engine/plugin.js';
export type { FilePlan, PlannedFile } from './engine/plan.js';
export type { PluginOption, PluginOptionType, PluginSettingValue } from './engine/plugin-settings.js';
export type { OutputFolder } from './engine/output-folder.js';
export type { RunReport, Diagnostic } from './engine/report.js';
export { Diagnostics } from './engine/report.js';
export { InfraStackError, PluginError, isInfraStackError } from './errors.js';
export type { GenerateOptions, GenerateResult, DeriveOptions, DatabaseKind, DdlDialect } from './options.js';
export type { FileOutcomes } from './engine/outcomes.js';
export { DATABASE_ALIASES, DATABASE_KINDS, DDL_AUTO, DDL_DIALECTS, DEFAULT_STACK } from './options.js';
export { PLUGIN_PREFIX, LOCAL_PLUGINS_DIR, ENGINE_PACKAGE, isPluginPackageName, pluginPackageName } from './plugins/index.js';
export type * from './model/api-document.js';
export type * from './model/domain-model.js';
export { modelToJson, withRelativeSources, relativePath, type ModelJsonOptions } from './model/model-json.js';
export { toSnake, toPascal, toTableName, singular, boundedIdentifier, MAX_IDENTIFIER_BYTES } from './naming.js';
export { typeText } from './model/type-text.js';
export { namedTypes } from './model/named-types.js';
export { deletionFlag, deletionMarkOf, lookupFieldOf } from './model/lookups.js';
export { assignableText, MIN_ASSIGNED_DIGITS } from './model/assigned-text.js';
export { ecmaRegex } from './model/ecma-pattern.js';
export { addField, type NewField } from './model/refine.js';
export { tableOrder, type TableOrder } from './model/table-order.js';
export { alwaysHasValue, isDeletionFlag, isNullableColumn, omittedWhenUnset } from './model/nullability.js';
export { isFormMedia, isJsonMedia } from './model/media-types.js';
export type { StackDescriptor, MysqlTableOptions, PhysicalTypes, SampleSource } from './stack/descriptor.js';
export type { DocumentedStack, EndpointCode, CodeComponent, ComponentRole } from './stack/docs.js';
export { relationalSchema, type ConstraintNaming, type Table, type Column, type ForeignKeyConstraint, type NamedColumns } from './schema/relational-schema.js';
export {
  storedType,
  storedIntegerWidth,
  fieldStorageOptions,
  isAutoincrementKey,
  type StoredType,
  type StorageOptions,
  type IntegerWidth,
} from './schema/stored-type.js';
export { storageTimestamp, type StorageTimestamp } from './schema/timestamps.js';
export { diffSchemas, isEmptyDiff, columnsBecomingRequired, storageKey, fillValue, typeName, type DeletionMark, type SchemaDiff, type TableChange, type ValueCheck } from './schema/schema-diff.js';
export { migrationSteps, reverseSteps, type MigrationStep, type ColumnStep, type TableKey } from './schema/migration-steps.js';
export type { StackVerifier, StepOutcome, StepStatus, VerificationReport } from './stack/verification.js';
