package io.hotline.command.policy;

/**
 * One entry of the dispatch catalogue that points at a unit not in service, with the rule and a sentence naming the
 * unit, its last day and its successor where the directory knows them (the unit to put in the entry instead).
 */
public record CatalogueProblem(ConfiguredDispatchCatalogue.Entry entry, CatalogueRule rule, String detail) {
}
