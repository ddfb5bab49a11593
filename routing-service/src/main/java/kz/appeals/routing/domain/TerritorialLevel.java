package kz.appeals.routing.domain;

public enum TerritorialLevel { REGION, DISTRICT, RURAL_DISTRICT, SETTLEMENT }
