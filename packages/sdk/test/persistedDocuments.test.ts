import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AccountOverviewDocument,
  AcknowledgeRiskAlertDocument,
  AddToWatchlistDocument,
  CancelAllOrdersDocument,
  CancelOrderDocument,
  ChangePasswordDocument,
  CreatePriceAlertDocument,
  DashboardDocument,
  DeletePriceAlertDocument,
  documentHash,
  EndSessionDocument,
  LogInDocument,
  SignUpDocument,
  LogOutDocument,
  LogOutEverywhereDocument,
  MySessionsDocument,
  MyOrdersDocument,
  MyTradesDocument,
  OnPriceAlertTriggeredDocument,
  OrderUpdatesDocument,
  persistedDocumentsFile,
  persistedQueryExtensions,
  PlaceOrderDocument,
  PortfolioDocument,
  PortfolioUpdatesDocument,
  PriceAlertsDocument,
  QuotesDocument,
  RefreshDocument,
  RemoveFromWatchlistDocument,
  ResetPasswordDocument,
  RiskAlertsDocument,
  TimeAndSalesDocument,
  TradesDocument,
  WatchlistDocument,
} from '../src/index.js';

const manifest = JSON.parse(readFileSync(persistedDocumentsFile, 'utf8')) as Record<string, string>;

describe('persisted documents', () => {
  it('registers every shipped operation under the sha256 of its text', () => {
    const documents = [
      AccountOverviewDocument,
      DashboardDocument,
      PlaceOrderDocument,
      CancelOrderDocument,
      CancelAllOrdersDocument,
      OrderUpdatesDocument,
      MyOrdersDocument,
      MyTradesDocument,
      QuotesDocument,
      TimeAndSalesDocument,
      TradesDocument,
      PortfolioDocument,
      PortfolioUpdatesDocument,
      SignUpDocument,
      LogInDocument,
      RefreshDocument,
      LogOutDocument,
      LogOutEverywhereDocument,
      ChangePasswordDocument,
      ResetPasswordDocument,
      MySessionsDocument,
      EndSessionDocument,
      RiskAlertsDocument,
      AcknowledgeRiskAlertDocument,
      WatchlistDocument,
      AddToWatchlistDocument,
      RemoveFromWatchlistDocument,
      PriceAlertsDocument,
      CreatePriceAlertDocument,
      DeletePriceAlertDocument,
      OnPriceAlertTriggeredDocument,
    ];
    expect(Object.keys(manifest)).toHaveLength(documents.length);
    for (const document of documents) {
      const text = manifest[`sha256:${documentHash(document)}`];
      expect(text).toBeDefined();
      expect(createHash('sha256').update(text!).digest('hex')).toBe(documentHash(document));
    }
  });

  it('gives the extensions that run a document by hash', () => {
    expect(persistedQueryExtensions(DashboardDocument)).toEqual({
      persistedQuery: { version: 1, sha256Hash: documentHash(DashboardDocument) },
    });
  });
});
