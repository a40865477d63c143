export * from './modules/create-module.request';
export * from './modules/module.response';
export * from './reports/offer-report.response';
